import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Tx } from '@/lib/db';
import { loadOrCreateProgramme } from '@/lib/protocol/load-programme';
import { followMilestone, type CeremonyMilestone } from '@/lib/protocol/programme-steps';
import { formatDateTime } from '@/lib/time/format-instant';

/**
 * Inside the transaction that records a milestone (the exchange of originals, the
 * conclusion): moves a running programme up to it, with its own run-of-show.moved event, so
 * the room's "now / next" follows the ceremony. The caller already tells the room. Returns
 * whether the programme moved.
 */
export async function followCeremonyMilestone(
  tx: Tx,
  { ceremonyId, userId, milestone, now }: { ceremonyId: string; userId: string; milestone: CeremonyMilestone; now: Date },
): Promise<boolean> {
  // A programme nobody began is left alone, and not created just to be moved.
  if ((await tx.runOfShowStep.count({ where: { ceremonyId } })) === 0) return false;
  const ceremony = await tx.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: { currentStepId: true, delegations: { select: { capitalName: true, capitalTimeZone: true }, orderBy: { position: 'asc' } } },
  });
  const steps = await loadOrCreateProgramme(tx, ceremonyId);
  const move = followMilestone(steps, ceremony.currentStepId, milestone);
  if (!move) return false;
  if (move.complete.length > 0) await tx.runOfShowStep.updateMany({ where: { id: { in: move.complete } }, data: { completedAt: now } });
  if (move.skip.length > 0) await tx.runOfShowStep.updateMany({ where: { id: { in: move.skip } }, data: { skipped: true, completedAt: now } });
  if (move.start) await tx.runOfShowStep.update({ where: { id: move.start }, data: { startedAt: now } });
  await tx.ceremony.update({ where: { id: ceremonyId }, data: { currentStepId: move.currentStepId } });
  await appendAuditEvent(tx, {
    ceremonyId,
    actorUserId: userId,
    kind: 'run-of-show.moved',
    payload: {
      action: 'follow',
      milestone,
      rehearsal: false,
      stepId: move.currentStepId,
      stepKind: steps.find((step) => step.id === move.currentStepId)?.kind ?? null,
      times: ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, 'en', d.capitalTimeZone)}`),
    },
    at: now,
  });
  return true;
}
