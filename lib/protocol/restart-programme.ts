import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * When the ceremony goes live, the programme starts afresh: whatever the technical
 * rehearsal ran through is cleared (the rehearsal's moves stay in the audit log).
 * Runs inside the caller's transaction.
 */
export async function restartProgrammeAfterRehearsal(tx: Tx, ceremonyId: string): Promise<boolean> {
  const touched = await tx.runOfShowStep.count({
    where: { ceremonyId, OR: [{ startedAt: { not: null } }, { completedAt: { not: null } }, { skipped: true }] },
  });
  if (touched === 0) return false;
  await tx.runOfShowStep.updateMany({ where: { ceremonyId }, data: { startedAt: null, completedAt: null, skipped: false } });
  await tx.ceremony.update({ where: { id: ceremonyId }, data: { currentStepId: null } });
  return true;
}
