import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * A signatory may sign only once an organiser of another party has approved their full
 * powers (the gate lives here, on the server, used by the signing use-case).
 */
export async function requireApprovedFullPowers(tx: Tx, participant: { id: string; ceremonyId: string; delegationId: string | null }): Promise<void> {
  const latest = await tx.fullPowers.findFirst({
    where: { participantId: participant.id },
    orderBy: { createdAt: 'desc' },
    select: { status: true, reviewReason: true },
  });
  if (latest?.status === 'approved') return;
  const others = await tx.delegation.findMany({
    where: { ceremonyId: participant.ceremonyId, id: { not: participant.delegationId ?? '' } },
    orderBy: { position: 'asc' },
    select: { name: true },
  });
  const by = others.map((d) => d.name).join(', ') || 'the other party';
  if (!latest)
    throw new AppError('FORBIDDEN', `Full powers not yet submitted; they must be approved by ${by}.`, undefined, {
      reason: 'full-powers-not-submitted',
      params: { by },
    });
  if (latest.status === 'rejected')
    throw new AppError('FORBIDDEN', `Full powers were rejected by ${by}: ${latest.reviewReason ?? 'no reason given'}.`, undefined, {
      reason: 'full-powers-rejected',
      params: { by, reason: latest.reviewReason ?? '—' },
    });
  throw new AppError('FORBIDDEN', `Full powers not yet approved by ${by}.`, undefined, { reason: 'full-powers-not-approved', params: { by } });
}
