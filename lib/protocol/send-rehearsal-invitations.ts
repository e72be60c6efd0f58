import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recipientLocale } from '@/lib/i18n/locales';
import { sendMail } from '@/lib/mail/send-mail';
import { composeRehearsalMail } from '@/lib/protocol/compose-rehearsal-mail';
import { parseMailbox } from '@/lib/scheduling/build-invitation-ics';
import type { DeliveryReport } from '@/lib/scheduling/deliver-invitations';

/**
 * The rehearsal's own invitation: every participant who publishes (not the press) gets an
 * email in their language with a calendar entry of its own UID. Its SEQUENCE counts the
 * times the slot was set, so a moved rehearsal updates the entry. Sending again reaches only
 * those who have not had this SEQUENCE.
 */
export async function sendRehearsalInvitations({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<DeliveryReport> {
  const sequence = await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'send-rehearsal-invitations');
    if (!ceremony.rehearsalStart) throw new AppError('INVALID_STATE', 'No rehearsal is planned.', undefined, { reason: 'no-rehearsal-planned' });
    const changes = await tx.auditEvent.count({ where: { ceremonyId, kind: 'rehearsal.scheduled' } });
    const seq = Math.max(0, changes - 1);
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'rehearsal.invitations-sent',
      payload: { rehearsalStart: ceremony.rehearsalStart.toISOString(), icsSequence: seq },
    });
    return seq;
  });
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      scheduledStart: true,
      rehearsalStart: true,
      timeZone: true,
      delegations: { orderBy: { position: 'asc' }, select: { capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { removedAt: null, role: { not: 'observer' } },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          displayName: true,
          user: { select: { email: true, locale: true } },
          delegation: { select: { defaultLocale: true, capitalTimeZone: true } },
        },
      },
    },
  });
  const organizer = parseMailbox(env.EMAIL_FROM);
  const report: DeliveryReport = { sent: 0, skipped: 0, failed: [] };
  for (const participant of ceremony.participants) {
    const locale = recipientLocale(participant.user.locale, participant.delegation?.defaultLocale);
    const mail = composeRehearsalMail({
      locale,
      appUrl: env.APP_URL,
      organizer,
      ceremony: { id: ceremony.id, title: ceremony.title, start: ceremony.scheduledStart, rehearsalStart: ceremony.rehearsalStart! },
      sequence,
      capitals: ceremony.delegations,
      recipient: { name: participant.displayName, email: participant.user.email, timeZone: participant.delegation?.capitalTimeZone ?? ceremony.timeZone },
    });
    const dedupeKey = `rehearsal:${participant.id}:seq${sequence}`;
    try {
      await transaction((tx) => tx.mailMessage.deleteMany({ where: { dedupeKey, deliveredAt: null, error: { not: null } } }));
      const delivered = await sendMail({
        to: participant.user.email,
        subject: mail.subject,
        text: mail.text,
        kind: 'rehearsal',
        locale,
        ceremonyId,
        dedupeKey,
        icalEvent: { method: mail.ics.method, content: mail.ics.content, filename: 'rehearsal.ics' },
        attachments: [{ filename: 'rehearsal.ics', content: mail.ics.content, contentType: `application/ics; method=${mail.ics.method}` }],
      });
      if (delivered) report.sent += 1;
      else report.skipped += 1;
    } catch (error) {
      report.failed.push({ email: participant.user.email, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
