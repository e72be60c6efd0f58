import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { ceremonyDetailsSchema, type CeremonyDetailsInput } from '@/lib/ceremonies/schemas';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { deliverInvitations } from '@/lib/scheduling/deliver-invitations';

/**
 * Title, description and place. Once invitations are out, a change that the calendar
 * entry shows bumps the iCalendar SEQUENCE and re-sends everyone the updated invitation.
 */
export async function updateCeremonyDetails({ ceremonyId, userId, ...input }: CeremonyDetailsInput & { ceremonyId: string; userId: string }) {
  const parsed = ceremonyDetailsSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the ceremony details.', fieldErrorsFromZod(parsed.error));
  const data = parsed.data;
  const outcome = await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'edit-ceremony');
    const changed = (['title', 'description', 'placeName'] as const).filter((key) => ceremony[key] !== data[key]);
    if (changed.length === 0) return { resend: false };
    const resend = ceremony.invitationsSentAt !== null;
    await tx.ceremony.update({
      where: { id: ceremonyId },
      data: { ...data, icsSequence: resend ? { increment: 1 } : undefined },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.details-changed',
      payload: { changed, ...data, icsSequence: ceremony.icsSequence + (resend ? 1 : 0) },
    });
    return { resend };
  });
  return outcome.resend ? deliverInvitations({ ceremonyId, kind: 'update' }) : undefined;
}
