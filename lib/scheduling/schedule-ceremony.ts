import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadPlanInputs } from '@/lib/scheduling/load-plan-inputs';

/**
 * DRAFT → SCHEDULED, only when the checklist is complete: at least two delegations, a
 * signatory in each, an agreement with every signatory's field placed, a start in the
 * future. The signing plan is fixed at this moment (and recomputed if the ceremony
 * returns to DRAFT and is scheduled again).
 */
export async function scheduleCeremony({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  return transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-ceremony');
    assertTransition(ceremony.state, 'SCHEDULED');
    const inputs = await loadPlanInputs(tx, ceremonyId, now);
    if (!inputs.checklist.ready) {
      const missing = inputs.checklist.items.filter((item) => !item.ok).map((item) => item.key);
      throw new AppError(
        'INVALID_STATE',
        `The ceremony cannot be scheduled yet: ${missing.join(', ')} missing.`,
        { checklist: missing.join(',') },
        { reason: 'checklist-incomplete', params: { missing: missing.join(',') } },
      );
    }
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'SCHEDULED' } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.scheduled',
      payload: { from: ceremony.state, signingOrder: inputs.signingOrder, plan: inputs.plan },
    });
    return { plan: inputs.plan };
  });
}
