import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { delegationSchema, type DelegationInput } from '@/lib/delegations/schemas';
import { AppError, notFound } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

export async function updateDelegation({
  ceremonyId,
  userId,
  delegationId,
  ...input
}: DelegationInput & { ceremonyId: string; userId: string; delegationId: string }) {
  const parsed = delegationSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the delegation.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const delegations = await tx.delegation.findMany({ where: { ceremonyId }, select: { id: true, name: true } });
    if (!delegations.some((delegation) => delegation.id === delegationId)) throw notFound('Delegation not found', 'delegation-not-found');
    if (delegations.some((delegation) => delegation.id !== delegationId && delegation.name.toLowerCase() === parsed.data.name.toLowerCase())) {
      throw new AppError('CONFLICT', 'A delegation with this name already exists.', { name: 'duplicateName' }, { reason: 'delegation-name-taken' });
    }
    await tx.delegation.update({ where: { id: delegationId }, data: parsed.data });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'delegation.changed', payload: { delegationId, ...parsed.data } });
  });
}
