import 'server-only';
import { X509Certificate } from 'node:crypto';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { db, lockForUpdate, transaction, type Tx } from '@/lib/db';
import { appendRevision, revisionFileOf, type RevisionFile } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { followCeremonyMilestone } from '@/lib/protocol/follow-ceremony-milestone';
import { env } from '@/lib/env';
import { buildEvidencePackage } from '@/lib/evidence/build-evidence-package';
import { composeCertificate } from '@/lib/evidence/compose-certificate';
import { runEvidenceJob } from '@/lib/evidence/run-evidence-jobs';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { loadSigningContext, SEAL_FIELD_NAME } from '@/lib/signing/load-signing-context';
import { assertOnlyAllowedChanges } from '@accord/pdf-signing/analyse-increment';
import { buildCertificateOfCompletion } from '@accord/pdf-signing/build-certificate-of-completion';
import { documentLabels, documentLanguage } from '@accord/pdf-signing/document-labels';
import { createHttpTimestampRequester, type RequestTimestamp } from '@accord/pdf-signing/request-timestamp';
import { sealDocument } from '@accord/pdf-signing/seal-document';
import { sealPlatformPdf } from '@accord/pdf-signing/seal-platform-pdf';
import { decideSigningOf } from '@/lib/signing/decide-signing';
import { formatDateTime } from '@/lib/time/format-instant';
import { sha256Hex } from '@/lib/crypto/sha256';

/** A conclusion prepared outside the transaction: every seal and the certificate, stamped. */
interface PreparedConclusion {
  sealed: { documentId: string; number: number; basedOn: string; file: RevisionFile }[];
  certificate: Uint8Array;
  /** The audit chain's head the certificate states; a newer event means the certificate is stale. */
  auditHead: string | null;
}

/** An event (attendance, say) or revision arrived between preparing and storing: prepare again, a few times. */
const MAX_PREPARE_ATTEMPTS = 5;

async function checkConclusion(client: Tx, ceremonyId: string, userId: string) {
  const { me, ceremony } = await loadSigningContext(client, { ceremonyId, userId });
  assertAccess(contextOfParticipant({ ...me, ceremony }), 'conclude-ceremony');
  assertTransition(ceremony.state, 'CONCLUDED');
  if (!decideSigningOf(ceremony, true).complete)
    throw new AppError('INVALID_STATE', 'Not every field has been signed yet.', undefined, { reason: 'fields-unsigned' });
  return ceremony;
}

async function auditHeadOf(client: Tx, ceremonyId: string): Promise<string | null> {
  return (await client.auditEvent.findFirst({ where: { chain: ceremonyId }, orderBy: { seq: 'desc' }, select: { hash: true } }))?.hash ?? null;
}

/**
 * The organiser concludes (SIGNING → CONCLUDED) once every field of every original is
 * signed: each original gets the platform's closing seal over the whole file, the
 * certificate of completion is drawn, and then the evidence package is built from the
 * job committed with the conclusion. Sealing — the timestamp authority's answers included —
 * happens before the transaction, which only re-checks that nothing moved and stores; a
 * slow or failing TSA never holds the database (it still fails the conclusion, closed).
 */
export async function concludeCeremony({
  ceremonyId,
  userId,
  now = new Date(),
  requestTimestamp,
}: {
  ceremonyId: string;
  userId: string;
  now?: Date;
  requestTimestamp?: RequestTimestamp;
}) {
  const { identity } = await loadPlatformIdentity();
  const timestamps = requestTimestamp ?? (env.TSA_URL ? createHttpTimestampRequester({ url: env.TSA_URL }) : undefined);
  const certificateSubject = new X509Certificate(identity.certificateDer).subject.replace(/\n/g, ', ');

  const prepare = async (): Promise<PreparedConclusion> => {
    const ceremony = await checkConclusion(db, ceremonyId, userId);
    const auditHead = await auditHeadOf(db, ceremonyId);
    const sealed: PreparedConclusion['sealed'] = [];
    for (const document of ceremony.documents) {
      const { bytes, revision } = await readRevisionBytes({ documentId: document.id });
      const language = documentLanguage(document.language);
      const labels = documentLabels(language);
      const capitals = ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, language, d.capitalTimeZone)}`);
      const seal = await sealDocument({
        pdf: bytes,
        fieldName: SEAL_FIELD_NAME,
        sealTime: now,
        appearance: { title: labels.sealTitle, lines: capitals, developmentCertificate: identity.isDevelopment, language },
        kind: 'platform-signature',
        identity,
        requestTimestamp: timestamps,
        reason: labels.closingSealOf(ceremony.title),
        location: ceremony.placeName,
      });
      assertOnlyAllowedChanges(bytes, seal.pdf);
      sealed.push({ documentId: document.id, number: revision.number + 1, basedOn: revision.sha256, file: revisionFileOf(seal.pdf, seal.increment) });
    }
    const content = await composeCertificate(db, {
      ceremonyId,
      sealedAt: now,
      certificateSubject,
      developmentCertificate: identity.isDevelopment,
      sealedRevisions: sealed.map((seal) => ({
        documentId: seal.documentId,
        number: seal.number,
        kind: 'sealed',
        sha256: seal.file.sha256,
        previousSha256: seal.basedOn,
        createdAt: now,
      })),
    });
    const certificate = await sealPlatformPdf({
      pdf: await buildCertificateOfCompletion(content),
      identity,
      requestTimestamp: timestamps,
      reason: `Certificate of completion of "${ceremony.title}", issued by the platform`,
      sealTime: now,
    });
    return { sealed, certificate, auditHead };
  };

  for (let attempt = 0; ; attempt++) {
    const prepared = await prepare();
    const stored = await transaction(async (tx): Promise<boolean> => {
      await lockForUpdate(tx, `ceremony:${ceremonyId}`);
      await checkConclusion(tx, ceremonyId, userId);
      for (const seal of prepared.sealed) {
        await lockForUpdate(tx, `document:${seal.documentId}`);
        const newest = await tx.documentRevision.findFirst({
          where: { documentId: seal.documentId },
          orderBy: { number: 'desc' },
          select: { number: true, sha256: true },
        });
        if (newest?.number !== seal.number - 1 || newest.sha256 !== seal.basedOn) return false;
      }
      if ((await auditHeadOf(tx, ceremonyId)) !== prepared.auditHead) return false;
      for (const seal of prepared.sealed) {
        await appendRevision(tx, {
          documentId: seal.documentId,
          after: { number: seal.number - 1, sha256: seal.basedOn },
          kind: 'sealed',
          file: seal.file,
          createdById: userId,
          createdAt: now,
        });
      }
      const artefact = await tx.artefact.create({
        omit: { bytes: true },
        data: {
          ceremonyId,
          kind: 'certificate',
          fileName: `certificate-of-completion-${ceremonyId}.pdf`,
          contentType: 'application/pdf',
          bytes: new Uint8Array(prepared.certificate),
          sha256: sha256Hex(prepared.certificate),
          byteLength: prepared.certificate.length,
          createdAt: now,
        },
      });
      await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'CONCLUDED', concludedAt: now } });
      // Committed with the conclusion: if this process dies before the package is built, any
      // process resumes it (on start, periodically, or through the cron route).
      await tx.evidenceJob.create({ data: { ceremonyId, createdAt: now }, select: { id: true } });
      const sealed = prepared.sealed.map((seal) => ({ documentId: seal.documentId, sha256: seal.file.sha256, previousSha256: seal.basedOn }));
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: userId,
        kind: 'ceremony.concluded',
        payload: { sealed, certificateSha256: artefact.sha256 },
        at: now,
      });
      // The run of show moves on to the closing and photo: the room must not still say "now: signing".
      await followCeremonyMilestone(tx, { ceremonyId, userId, milestone: 'concluded', now });
      return true;
    });
    if (stored) break;
    if (attempt + 1 >= MAX_PREPARE_ATTEMPTS)
      throw new AppError('CONFLICT', 'The ceremony kept changing while it was being sealed. Please conclude again.', undefined, {
        reason: 'sealing-contended',
      });
  }
  await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'CONCLUDED' });
  // Null when another process claimed the job between the commit and here: the package is
  // then read (or, if still building, built and stored once) by buildEvidencePackage.
  return (await runEvidenceJob({ ceremonyId, actorUserId: userId })) ?? buildEvidencePackage({ ceremonyId, actorUserId: userId });
}
