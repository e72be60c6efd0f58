import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { cancelCeremonySchema } from '@/lib/ceremonies/schemas';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { deliverInvitations } from '@/lib/scheduling/deliver-invitations';

/**
 * DRAFT or SCHEDULED → CANCELLED. If invitations went out, everyone gets a cancellation
 * (METHOD:CANCEL, next SEQUENCE) that removes the entry from their calendar.
 */
export async function cancelCeremony({ ceremonyId, userId, reason = '' }: { ceremonyId: string; userId: string; reason?: string }) {
  const parsed = cancelCeremonySchema.safeParse({ reason });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'The reason is too long.', fieldErrorsFromZod(parsed.error));
  const outcome = await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-ceremony');
    assertTransition(ceremony.state, 'CANCELLED');
    const notify = ceremony.invitationsSentAt !== null;
    await tx.ceremony.update({
      where: { id: ceremonyId },
      data: { state: 'CANCELLED', cancelledAt: new Date(), icsSequence: notify ? { increment: 1 } : undefined },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.cancelled',
      payload: { from: ceremony.state, reason: parsed.data.reason, icsSequence: ceremony.icsSequence + (notify ? 1 : 0) },
    });
    return { notify };
  });
  return outcome.notify ? deliverInvitations({ ceremonyId, kind: 'cancel', reason: parsed.data.reason }) : undefined;
}
