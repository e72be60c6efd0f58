import 'server-only';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError, notFound } from '@/lib/errors';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { documentLanguage, partyNameIn } from '@accord/pdf-signing/document-labels';
import { signPreparedFields } from '@accord/pdf-signing/sign-prepared-fields';
import { signatureCaptureSchema, signatureImageOf, type SignatureCapture } from '@/lib/signing/sign-agreement';
import { formatDateTime } from '@/lib/time/format-instant';
import { sha256Hex } from '@/lib/crypto/sha256';

/**
 * The technical rehearsal: a signatory (or witness) tries the signing pad on the SPECIMEN
 * copy. The same signing machinery runs, but only on a specimen document: the real
 * agreement is never touched (no revision, no signature, no field), and the signature is
 * recorded as kind "specimen". Once per person and specimen; the readiness record notes
 * that the signing pad was tried.
 */
export async function signSpecimen({
  ceremonyId,
  userId,
  capture,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  capture: SignatureCapture;
  now?: Date;
}) {
  const parsed = signatureCaptureSchema.safeParse(capture);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid signature', undefined, { reason: 'signature-invalid' });
  const signatureImagePng = signatureImageOf(parsed.data);
  const { identity } = await loadPlatformIdentity();
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const me = await tx.participant.findUnique({
      where: { ceremonyId_userId: { ceremonyId, userId } },
      include: { delegation: true, ceremony: { include: { delegations: { orderBy: { position: 'asc' } } } } },
    });
    assertAccess(contextOfParticipant(me), 'try-signing-pad');
    if (!me) throw notFound('Ceremony not found', 'ceremony-not-found'); // refused above already; narrows the type
    const { ceremony } = me;

    const specimens = await tx.agreementDocument.findMany({
      where: { ceremonyId, specimen: true, fields: { some: { participantId: me.id, signatureId: null } } },
      orderBy: { createdAt: 'asc' },
      include: { fields: { where: { participantId: me.id, signatureId: null }, orderBy: { position: 'asc' } } },
    });
    const specimen = specimens[0];
    if (!specimen) {
      const tried = await tx.signature.count({ where: { participantId: me.id, kind: 'specimen' } });
      if (tried > 0) return { signed: false, alreadyTried: true };
      throw new AppError('INVALID_STATE', 'The specimen copy is not ready yet.', undefined, { reason: 'specimen-not-ready' });
    }
    await lockForUpdate(tx, `document:${specimen.id}`);
    const { bytes, revision } = await readRevisionBytes({ documentId: specimen.id, client: tx });
    const delegationName = me.delegation?.name ?? '';
    const language = documentLanguage(specimen.language);
    const result = await signPreparedFields({
      pdf: bytes,
      fields: specimen.fields.map((field) => ({ name: field.fieldName, kind: field.kind as 'signature' | 'initials' | 'witness' })),
      appearance: {
        signatureImagePng,
        typedSignature: parsed.data.typed,
        signerName: me.displayName,
        signerTitle: me.title,
        delegationName: delegationName && partyNameIn(language, delegationName),
        // "SPECIMEN" matches the copy's watermark (watermark-specimen.ts), which is English in every language version.
        timeLines: ['SPECIMEN', ...ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, language, d.capitalTimeZone)}`)],
        developmentCertificate: identity.isDevelopment,
        language,
      },
      signature: {
        name: me.displayName,
        reason: `SPECIMEN (rehearsal) — ${ceremony.title}; not a signature of the agreement`,
        location: 'Technical rehearsal',
        signingTime: now,
      },
      identity,
    });
    const stored = await appendRevision(tx, {
      documentId: specimen.id,
      after: revision,
      kind: 'signed',
      file: revisionFileOf(result.pdf, result.increment),
      createdById: userId,
      createdAt: now,
    });
    const signature = await tx.signature.create({
      data: {
        documentId: specimen.id,
        revisionId: stored.id,
        participantId: me.id,
        kind: 'specimen',
        signerName: me.displayName,
        signerTitle: me.title,
        delegationName,
        idempotencyKey: `specimen-${specimen.id}-${me.id}`,
        certificateSha256: sha256Hex(identity.certificateDer),
        signedAt: now,
      },
    });
    await tx.signatureField.updateMany({ where: { id: { in: specimen.fields.map((f) => f.id) } }, data: { signatureId: signature.id } });
    const previous = await tx.readinessCheck.findFirst({ where: { participantId: me.id }, orderBy: { checkedAt: 'desc' } });
    await tx.readinessCheck.create({
      data: {
        participantId: me.id,
        cameraOk: previous?.cameraOk ?? false,
        microphoneOk: previous?.microphoneOk ?? false,
        connectionQuality: previous?.connectionQuality ?? 'unknown',
        signingPadTried: true,
        checkedAt: now,
      },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'rehearsal.specimen-signed',
      payload: { specimenDocumentId: specimen.id, specimenOf: specimen.specimenOfId, revision: stored.number, sha256: stored.sha256, signer: me.displayName },
      at: now,
    });
    return { signed: true, alreadyTried: false, documentId: specimen.id, revisionNumber: stored.number };
  });
}
