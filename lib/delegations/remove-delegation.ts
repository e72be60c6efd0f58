import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/** Only an empty delegation can go: members are moved or removed first, deliberately. */
export async function removeDelegation({ ceremonyId, userId, delegationId }: { ceremonyId: string; userId: string; delegationId: string }) {
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const delegation = await tx.delegation.findFirst({
      where: { id: delegationId, ceremonyId },
      select: { id: true, name: true, _count: { select: { participants: { where: { removedAt: null } } } } },
    });
    if (!delegation) throw notFound('Delegation not found', 'delegation-not-found');
    if (delegation._count.participants > 0)
      throw new AppError('CONFLICT', 'Remove or move the delegation’s members first.', { delegation: 'hasMembers' }, { reason: 'delegation-has-members' });
    await tx.delegation.delete({ where: { id: delegationId } });
    const rest = await tx.delegation.findMany({ where: { ceremonyId }, orderBy: { position: 'asc' }, select: { id: true } });
    for (const [position, { id }] of rest.entries()) await tx.delegation.update({ where: { id }, data: { position } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'delegation.removed', payload: { delegationId, name: delegation.name } });
  });
}
