import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { reorderDelegationsSchema } from '@/lib/delegations/schemas';
import { AppError } from '@/lib/errors';

/** The delegations' order is the default signing order (and the order parties are named). */
export async function reorderDelegations({ ceremonyId, userId, order }: { ceremonyId: string; userId: string; order: string[] }) {
  const parsed = reorderDelegationsSchema.safeParse({ order });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid order.', undefined, { reason: 'delegation-order-invalid' });
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const delegations = await tx.delegation.findMany({ where: { ceremonyId }, select: { id: true } });
    const known = new Set(delegations.map((delegation) => delegation.id));
    const wanted = parsed.data.order;
    if (wanted.length !== known.size || new Set(wanted).size !== wanted.length || wanted.some((id) => !known.has(id))) {
      throw new AppError('INVALID_INPUT', 'The order must name every delegation of this ceremony once.', undefined, { reason: 'delegation-order-invalid' });
    }
    for (const [position, id] of wanted.entries()) await tx.delegation.update({ where: { id }, data: { position } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'delegation.reordered', payload: { order: wanted } });
  });
}
