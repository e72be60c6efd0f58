import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { delegationSchema, type DelegationInput } from '@/lib/delegations/schemas';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

const MAX_DELEGATIONS = 12;

/** A party to the agreement; it joins the end of the signing order. */
export async function addDelegation({ ceremonyId, userId, ...input }: DelegationInput & { ceremonyId: string; userId: string }) {
  const parsed = delegationSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the delegation.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const existing = await tx.delegation.findMany({ where: { ceremonyId }, select: { name: true, position: true } });
    if (existing.length >= MAX_DELEGATIONS)
      throw new AppError('INVALID_INPUT', 'Too many delegations.', { name: 'tooManyDelegations' }, { reason: 'too-many-delegations' });
    if (existing.some((delegation) => delegation.name.toLowerCase() === parsed.data.name.toLowerCase())) {
      throw new AppError('CONFLICT', 'A delegation with this name already exists.', { name: 'duplicateName' }, { reason: 'delegation-name-taken' });
    }
    const position = existing.reduce((max, delegation) => Math.max(max, delegation.position + 1), 0);
    const delegation = await tx.delegation.create({ data: { ...parsed.data, ceremonyId, position }, select: { id: true } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'delegation.added',
      payload: { delegationId: delegation.id, ...parsed.data, position },
    });
    return delegation;
  });
}
