import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { resolveCeremonyTimes } from '@/lib/ceremonies/resolve-ceremony-times';
import { ceremonyTimesSchema, type CeremonyTimesInput } from '@/lib/ceremonies/schemas';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { deliverInvitations } from '@/lib/scheduling/deliver-invitations';

/**
 * New start and end (wall-clock in a named zone). Once invitations are out, the SEQUENCE
 * goes up by one and every participant gets the moved invitation.
 */
export async function rescheduleCeremony({
  ceremonyId,
  userId,
  now = new Date(),
  ...input
}: CeremonyTimesInput & { ceremonyId: string; userId: string; now?: Date }) {
  const parsed = ceremonyTimesSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the date and time.', fieldErrorsFromZod(parsed.error));
  const { start, end } = resolveCeremonyTimes(parsed.data, now);
  const outcome = await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'reschedule-ceremony');
    const unchanged =
      ceremony.scheduledStart.getTime() === start.getTime() && ceremony.scheduledEnd.getTime() === end.getTime() && ceremony.timeZone === parsed.data.timeZone;
    if (unchanged) return { resend: false };
    const resend = ceremony.invitationsSentAt !== null;
    await tx.ceremony.update({
      where: { id: ceremonyId },
      data: { scheduledStart: start, scheduledEnd: end, timeZone: parsed.data.timeZone, icsSequence: resend ? { increment: 1 } : undefined },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.rescheduled',
      payload: {
        from: { start: ceremony.scheduledStart.toISOString(), end: ceremony.scheduledEnd.toISOString(), timeZone: ceremony.timeZone },
        to: { start: start.toISOString(), end: end.toISOString(), timeZone: parsed.data.timeZone },
        icsSequence: ceremony.icsSequence + (resend ? 1 : 0),
      },
    });
    return { resend };
  });
  return outcome.resend ? deliverInvitations({ ceremonyId, kind: 'reschedule' }) : undefined;
}
