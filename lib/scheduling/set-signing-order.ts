import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { isPlanEditable } from '@/lib/ceremonies/ceremony-state';
import { requireOrganiser } from '@/lib/ceremonies/require-organiser';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { refreshStoredPlan } from '@/lib/scheduling/load-plan-inputs';
import { signingOrderSchema, type SigningOrderInput } from '@/lib/scheduling/schemas';

/** Parallel, sequential (in an editable party order) or alternat. */
export async function setSigningOrder({ ceremonyId, userId, ...input }: SigningOrderInput & { ceremonyId: string; userId: string }) {
  const parsed = signingOrderSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Unknown signing order.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    const { ceremony } = await requireOrganiser(tx, { ceremonyId, userId });
    if (!isPlanEditable(ceremony.state)) throw new AppError('INVALID_STATE', `The signing order of a ${ceremony.state} ceremony is fixed.`);
    const delegations = await tx.delegation.findMany({ where: { ceremonyId }, select: { id: true } });
    const known = new Set(delegations.map((delegation) => delegation.id));
    if (parsed.data.sequence.some((id) => !known.has(id)) || new Set(parsed.data.sequence).size !== parsed.data.sequence.length) {
      throw new AppError('INVALID_INPUT', 'The order names a delegation that is not part of this ceremony.', { sequence: 'invalid' });
    }
    await tx.ceremony.update({
      where: { id: ceremonyId },
      data: { signingOrder: parsed.data.signingOrder, signingSequence: JSON.stringify(parsed.data.sequence) },
    });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.signing-order-set', payload: parsed.data });
    await refreshStoredPlan(tx, ceremony);
  });
}
