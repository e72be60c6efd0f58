import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { signingOrderSchema, type SigningOrderInput } from '@/lib/scheduling/schemas';

/**
 * Parallel, sequential or alternat, and the parties' order. The order is the delegations'
 * order (one source of truth for the plan, the signing turns and how parties are listed).
 */
export async function setSigningOrder({ ceremonyId, userId, ...input }: SigningOrderInput & { ceremonyId: string; userId: string }) {
  const parsed = signingOrderSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Unknown signing order.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'set-signing-order');
    const delegations = await tx.delegation.findMany({ where: { ceremonyId }, select: { id: true } });
    const known = new Set(delegations.map((delegation) => delegation.id));
    const sequence = parsed.data.sequence;
    if (sequence.length > 0 && (sequence.length !== known.size || new Set(sequence).size !== sequence.length || sequence.some((id) => !known.has(id)))) {
      throw new AppError(
        'INVALID_INPUT',
        'The order must name every delegation of this ceremony once.',
        { sequence: 'invalid' },
        { reason: 'signing-sequence-invalid' },
      );
    }
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { signingOrder: parsed.data.signingOrder } });
    for (const [position, id] of sequence.entries()) await tx.delegation.update({ where: { id }, data: { position } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.signing-order-set', payload: parsed.data });
  });
}
