import 'server-only';
import { z } from 'zod';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, isUniqueViolation, lockForUpdate, transaction, type Tx } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { checkSignaturePng } from '@/lib/signing/check-signature-png';
import { decideSigningOf, turnFor } from '@/lib/signing/decide-signing';
import { signingStateError, turnRefused, viewIncomplete, viewOutdated } from '@/lib/signing/signing-errors';
import { env } from '@/lib/env';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { requireApprovedFullPowers } from '@/lib/protocol/full-powers';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { loadSigningContext, originalsWereExchanged } from '@/lib/signing/load-signing-context';
import { documentLabels, documentLanguage, partyNameIn } from '@accord/pdf-signing/document-labels';
import { assertOnlyAllowedChanges } from '@accord/pdf-signing/analyse-increment';
import { isPdfError } from '@accord/pdf-signing/pdf-error';
import { createHttpTimestampRequester, type RequestTimestamp } from '@accord/pdf-signing/request-timestamp';
import { signPreparedFields } from '@accord/pdf-signing/sign-prepared-fields';
import { formatDateTime } from '@/lib/time/format-instant';
import { sha256Hex } from '@/lib/crypto/sha256';

export const signatureCaptureSchema = z
  .object({
    /** A drawn signature, PNG as base64 (no data: prefix) */
    drawnPngBase64: z.string().max(2_000_000).optional(),
    typed: z.string().trim().min(1).max(120).optional(),
  })
  .refine((capture) => Boolean(capture.drawnPngBase64) !== Boolean(capture.typed), 'Draw or type a signature (one of the two).');

export type SignatureCapture = z.infer<typeof signatureCaptureSchema>;

export interface SignAgreementInput {
  ceremonyId: string;
  documentId: string;
  userId: string;
  /** Client-supplied: the same key twice signs once (hostile case "Replayed sign request"). */
  idempotencyKey: string;
  capture: SignatureCapture;
  ipAddress?: string;
  userAgent?: string;
  now?: Date;
  /** Defaults to TSA_URL's requester when configured. */
  requestTimestamp?: RequestTimestamp;
  /**
   * The revision the signer's viewer showed. Checked under the document lock: a concurrent
   * signer may have added one since, and then this signer has not seen what they would sign.
   */
  expectedRevision?: number;
  /** What the viewer showed rendered, kept in the audit event as evidence. */
  displayed?: { revision: number; fields: string[] };
  /** The declaration shown beside Confirm, kept in the audit event. */
  consent?: { language: string; text: string };
  /**
   * Leave the room's 'revision' notice to the caller. One confirmation signs several
   * documents in a row; a notice after each made every viewer refetch the room page while the
   * next document was still being stamped on the same server, so on a busy machine each
   * confirmation cost three rounds of page renders competing with its own signing.
   */
  callerAnnounces?: boolean;
}

/**
 * Call before stamping: the PNG's header and image data must pass the size limits before
 * anything decodes it.
 */
export function signatureImageOf(capture: SignatureCapture): Buffer | undefined {
  if (!capture.drawnPngBase64) return undefined;
  const png = Buffer.from(capture.drawnPngBase64, 'base64');
  const verdict = checkSignaturePng(png);
  if (!verdict.ok) {
    const message =
      verdict.reason === 'signature-image-too-large' ? 'The drawn signature image is too large.' : 'The drawn signature is not a valid PNG image.';
    throw new AppError('INVALID_INPUT', `${message} (${verdict.detail})`, undefined, { reason: verdict.reason });
  }
  return png;
}

/**
 * A signatory signs their fields on one document. Serialised per document, idempotent by
 * key, ordered by the ceremony's plan; the stamped revision, the signature row and the
 * audit event commit together or not at all.
 *
 * The stamping (image decoding, CMS, the timestamp authority's round trip) runs outside
 * the transaction: on SQLite a transaction holds every writer of the process, and a slow
 * TSA must not. The transaction then re-checks everything under the document lock and
 * stores only if the revision stamped on is still the newest; otherwise it stamps again.
 */
const retriedAfterRace = new Set<string>();

/** Concurrent signers of one document each cost the others one restamp at most. */
const MAX_STAMP_ATTEMPTS = 12;

/** The room's viewers reload this document's newest revision (and the page data, once per burst). */
export async function announceRevision(ceremonyId: string, documentId: string, revision: number): Promise<void> {
  await notifyCeremonyRoom(ceremonyId, { kind: 'revision', documentId, revision });
}

type SignOutcome = { signatureId: string; revisionNumber: number; sha256: string; replayed: boolean };

export async function signAgreement(input: SignAgreementInput): Promise<SignOutcome> {
  const parsed = signatureCaptureSchema.safeParse(input.capture);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid signature', undefined, { reason: 'signature-invalid' });
  if (!/^[\w-]{8,100}$/.test(input.idempotencyKey))
    throw new AppError('INVALID_INPUT', 'A request key of 8–100 letters, digits, - or _ is required.', undefined, { reason: 'request-key-invalid' });
  const signatureImagePng = signatureImageOf(parsed.data);
  const now = input.now ?? new Date();
  const { identity } = await loadPlatformIdentity();
  const requestTimestamp = input.requestTimestamp ?? (env.TSA_URL ? createHttpTimestampRequester({ url: env.TSA_URL }) : undefined);

  try {
    for (let attempt = 0; attempt < MAX_STAMP_ATTEMPTS; attempt++) {
      const before = await checkSigning(db, input);
      if (before.replayed) return before.replayed;
      const { me, ceremony, document, myFields } = before;
      const { bytes, revision } = await readRevisionBytes({ documentId: document.id });
      if (input.expectedRevision !== undefined && input.expectedRevision !== revision.number) throw viewOutdated(document.id, revision.number);
      const language = documentLanguage(document.language);
      const delegationName = me.delegation?.name ?? '';
      const partyName = delegationName && partyNameIn(language, delegationName);
      const result = await signPreparedFields({
        pdf: bytes,
        fields: myFields.map((field) => ({ name: field.fieldName, kind: field.kind as 'signature' | 'initials' | 'witness' })),
        appearance: {
          signatureImagePng,
          typedSignature: parsed.data.typed,
          signerName: me.displayName,
          signerTitle: me.title,
          delegationName: partyName,
          timeLines: ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, language, d.capitalTimeZone)}`),
          developmentCertificate: identity.isDevelopment,
          language,
        },
        signature: {
          name: me.displayName,
          reason: documentLabels(language).signedFor(partyName || me.displayName, ceremony.title),
          location: ceremony.placeName || ceremony.delegations.map((d) => d.capitalName).join(' / '),
          signingTime: now,
        },
        identity,
        requestTimestamp,
      });
      // A bug of ours that made a disallowed change must fail the signing, never be stored.
      assertOnlyAllowedChanges(bytes, result.pdf);
      const file = revisionFileOf(result.pdf, result.increment);
      const { sha256 } = file;

      const outcome = await transaction(async (tx): Promise<SignOutcome | 'stale'> => {
        // Serialise per document first, so a concurrent replay sees the committed signature.
        await lockForUpdate(tx, `document:${input.documentId}`);
        const current = await checkSigning(tx, input);
        if (current.replayed) return current.replayed;
        const newest = await tx.documentRevision.findFirst({
          where: { documentId: document.id },
          orderBy: { number: 'desc' },
          select: { number: true, sha256: true },
        });
        const sameFields = current.myFields.map((f) => f.id).join() === myFields.map((f) => f.id).join();
        if (newest?.number !== revision.number || newest.sha256 !== revision.sha256 || !sameFields) return 'stale';

        const stored = await appendRevision(tx, { documentId: document.id, after: revision, kind: 'signed', file, createdById: input.userId, createdAt: now });
        const signature = await tx.signature.create({
          data: {
            documentId: document.id,
            revisionId: stored.id,
            participantId: me.id,
            kind: me.role,
            signerName: me.displayName,
            signerTitle: me.title,
            delegationName,
            idempotencyKey: input.idempotencyKey,
            ipAddress: input.ipAddress ?? '',
            userAgent: input.userAgent ?? '',
            certificateSha256: sha256Hex(identity.certificateDer),
            signedAt: now,
          },
        });
        await tx.signatureField.updateMany({ where: { id: { in: myFields.map((f) => f.id) } }, data: { signatureId: signature.id } });
        await appendAuditEvent(tx, {
          ceremonyId: ceremony.id,
          actorUserId: input.userId,
          kind: 'document.signed',
          payload: {
            documentId: document.id,
            signatureId: signature.id,
            signer: me.displayName,
            delegation: delegationName,
            fields: myFields.map((f) => f.fieldName),
            revision: stored.number,
            sha256,
            previousSha256: revision.sha256,
            ipAddress: input.ipAddress ?? '',
            userAgent: input.userAgent ?? '',
            timestamped: Boolean(requestTimestamp),
            ...(input.displayed ? { displayed: { revision: input.displayed.revision, fields: input.displayed.fields } } : {}),
            ...(input.consent ? { consent: { language: input.consent.language, text: input.consent.text } } : {}),
          },
          at: now,
        });
        return { signatureId: signature.id, revisionNumber: stored.number, sha256, replayed: false };
      });
      if (outcome === 'stale') continue;
      if (!outcome.replayed && !input.callerAnnounces) await announceRevision(input.ceremonyId, input.documentId, outcome.revisionNumber);
      return outcome;
    }
    throw new AppError('CONFLICT', 'Others kept signing this document meanwhile; please try again.', undefined, { reason: 'signing-contended' });
  } catch (error) {
    // Two requests with the same key raced: the other one stored it; answer like a replay.
    if (isUniqueViolation(error) && !retriedAfterRace.has(input.idempotencyKey)) {
      retriedAfterRace.add(input.idempotencyKey);
      try {
        return await signAgreement(input);
      } finally {
        retriedAfterRace.delete(input.idempotencyKey);
      }
    }
    if (isPdfError(error, 'TSA_FAILED'))
      throw new AppError('SERVICE_UNAVAILABLE', `Signing stopped. ${error.message}`, undefined, { reason: 'timestamp-authority-failed' });
    throw error;
  }
}

/**
 * Everything that decides whether this signer may sign this document now, read through
 * `client`: once before stamping, and again under the document lock before storing.
 */
async function checkSigning(client: Tx, input: SignAgreementInput) {
  const replay = await client.signature.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    include: { revision: { select: { number: true, sha256: true } } },
  });
  const { me, ceremony } = await loadSigningContext(client, { ceremonyId: input.ceremonyId, userId: input.userId });
  if (replay) {
    if (replay.participantId !== me.id || replay.documentId !== input.documentId)
      throw new AppError('CONFLICT', 'This request key was already used for another signature.', undefined, { reason: 'request-key-reused' });
    return { replayed: { signatureId: replay.id, revisionNumber: replay.revision.number, sha256: replay.revision.sha256, replayed: true } } as const;
  }
  assertAccess(contextOfParticipant({ ...me, ceremony }), 'sign');
  if (me.role === 'signatory') await requireApprovedFullPowers(client, me);
  if (ceremony.state !== 'SIGNING') throw signingStateError(ceremony.state);
  const document = ceremony.documents.find((d) => d.id === input.documentId);
  if (!document) throw new AppError('NOT_FOUND', 'Document not found', undefined, { reason: 'document-not-found' });

  // Read the fields afresh: a concurrent signer may just have filled theirs.
  const fields = await client.signatureField.findMany({ where: { documentId: document.id } });
  document.fields = fields;
  const turn = turnFor(decideSigningOf(ceremony, await originalsWereExchanged(client, ceremony.id)), me.id, document.id);
  if (turn.status !== 'sign-now') throw turnRefused(turn.status);

  const myFields = fields.filter((field) => turn.dueFieldIds.includes(field.id)).sort((a, b) => a.position - b.position || a.page - b.page);
  if (input.displayed && myFields.some((field) => !input.displayed?.fields.includes(field.fieldName))) throw viewIncomplete(document.id);
  return { replayed: undefined, me, ceremony, document, myFields };
}
