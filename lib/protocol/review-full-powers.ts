import 'server-only';
import { z } from 'zod';
import { assertAccess, loadAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

export const fullPowersReviewSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(500).optional() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(3, 'Please give a reason for the rejection.').max(500) }),
]);
export type FullPowersReview = z.infer<typeof fullPowersReviewSchema>;

/**
 * An organiser of ANOTHER party (or one who belongs to no party) examines a signatory's full
 * powers and approves or rejects them; nobody of the signatory's own delegation may.
 */
export async function reviewFullPowers({
  ceremonyId,
  userId,
  fullPowersId,
  review,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  fullPowersId: string;
  review: FullPowersReview;
  now?: Date;
}) {
  const parsed = fullPowersReviewSchema.safeParse(review);
  if (!parsed.success)
    throw new AppError(
      'INVALID_INPUT',
      parsed.error.issues[0]?.message ?? 'Invalid review',
      { reason: parsed.error.issues[0]?.message ?? '' },
      { reason: 'review-invalid' },
    );
  return transaction(async (tx) => {
    const { context } = await loadAccess(tx, { ceremonyId, userId });
    assertAccess(context, 'view-ceremony');
    const record = await tx.fullPowers.findUnique({
      where: { id: fullPowersId },
      select: { status: true, sha256: true, participantId: true, participant: { select: { ceremonyId: true, delegationId: true, displayName: true } } },
    });
    if (!record || record.participant.ceremonyId !== ceremonyId) throw notFound('Full powers not found', 'full-powers-not-found');
    assertAccess(context, 'approve-full-powers', { delegationId: record.participant.delegationId });
    if (record.status !== 'pending')
      throw new AppError('CONFLICT', `These full powers were already ${record.status}.`, undefined, {
        reason: 'full-powers-already-reviewed',
        params: { status: record.status },
      });
    const status = parsed.data.decision === 'approve' ? 'approved' : 'rejected';
    await tx.fullPowers.update({
      where: { id: fullPowersId },
      data: { status, reviewedById: userId, reviewedAt: now, reviewReason: parsed.data.reason ?? null },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: `full-powers.${status}`,
      payload: {
        fullPowersId,
        participantId: record.participantId,
        signatory: record.participant.displayName,
        sha256: record.sha256,
        reason: parsed.data.reason ?? null,
      },
      at: now,
    });
    return { status };
  });
}
