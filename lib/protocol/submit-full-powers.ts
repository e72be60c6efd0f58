import 'server-only';
import { isIn, OPEN_STATES } from '@/lib/access/access-sets';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction, type Db, type Tx } from '@/lib/db';
import { inspectPdfInPool } from '@/lib/documents/pdf-inspector-pool';
import { AppError, notFound } from '@/lib/errors';
import { sha256Hex } from '@/lib/crypto/sha256';

async function assertMaySubmit(client: Db | Tx, { ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  const { participant: me, ceremony } = await requireParticipantAccess(client, { ceremonyId, userId }, 'view-ceremony');
  const target = await client.participant.findFirst({ where: { id: participantId, ceremonyId }, select: { id: true, role: true, displayName: true } });
  if (!target) throw notFound('Participant not found', 'participant-not-found');
  if (me.role !== 'organiser' && me.id !== target.id)
    throw new AppError('FORBIDDEN', 'Only the organiser or the signatory themself submits full powers.', undefined, { reason: 'full-powers-submitter-only' });
  if (target.role !== 'signatory')
    throw new AppError('INVALID_INPUT', 'Full powers are for signatories.', undefined, { reason: 'full-powers-for-signatories' });
  if (!isIn(OPEN_STATES, ceremony.state)) throw new AppError('INVALID_STATE', 'The ceremony is over.', undefined, { reason: 'ceremony-over' });
  return target;
}

/** Checked before the upload route reads the body (the store re-checks in its transaction). */
export async function authorizeFullPowersSubmission(ids: { ceremonyId: string; userId: string; participantId: string }): Promise<void> {
  await assertMaySubmit(db, ids);
}

/**
 * The organiser (for any signatory) or the signatory (for themself) uploads the full-powers
 * letter. It is parsed off the request thread like any upload; a new letter replaces the
 * previous one for review (both stay on record).
 */
export async function submitFullPowers({
  ceremonyId,
  userId,
  participantId,
  fileName,
  bytes,
}: {
  ceremonyId: string;
  userId: string;
  participantId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  // Refused callers do not get to make us parse a PDF.
  await authorizeFullPowersSubmission({ ceremonyId, userId, participantId });
  // A letter is read by people, never signed here: its issuer's signatures may stay, active content may not.
  await inspectPdfInPool(bytes, { policy: 'letter' });
  const sha256 = sha256Hex(bytes);
  return transaction(async (tx) => {
    const target = await assertMaySubmit(tx, { ceremonyId, userId, participantId });
    const record = await tx.fullPowers.create({
      data: { participantId, fileName: fileName.slice(0, 200) || 'full-powers.pdf', bytes: new Uint8Array(bytes), sha256, uploadedById: userId },
      select: { id: true, sha256: true, status: true, createdAt: true },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'full-powers.submitted',
      payload: { fullPowersId: record.id, participantId, signatory: target.displayName, sha256 },
    });
    return record;
  });
}
