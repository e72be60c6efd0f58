import 'server-only';
import { db, transaction } from '@/lib/db';
import { env } from '@/lib/env';
import { recipientLocale } from '@/lib/i18n/locales';
import { sendMail } from '@/lib/mail/send-mail';
import { parseMailbox } from '@/lib/scheduling/build-invitation-ics';
import { composeCeremonyMail, type CeremonyMailKind } from '@/lib/scheduling/compose-ceremony-mail';

export interface DeliveryReport {
  sent: number;
  /** Already sent earlier for this SEQUENCE (dedupe key) */
  skipped: number;
  failed: { email: string; error: string }[];
}

/**
 * Sends one ceremony email (with its calendar entry) to every current participant, in
 * each one's language, for the ceremony's current SEQUENCE. Idempotent: the dedupe key
 * is participant × kind × SEQUENCE, so a retry after a partial failure only sends what is
 * missing. Called by use-cases after their transaction has committed.
 */
export async function deliverInvitations({
  ceremonyId,
  kind,
  reason,
  participantIds,
}: {
  ceremonyId: string;
  kind: CeremonyMailKind;
  reason?: string;
  /** Only these participants (reminders); default everyone */
  participantIds?: string[];
}): Promise<DeliveryReport> {
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      description: true,
      placeName: true,
      scheduledStart: true,
      scheduledEnd: true,
      timeZone: true,
      icsSequence: true,
      delegations: { orderBy: { position: 'asc' }, select: { capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { removedAt: null, ...(participantIds ? { id: { in: participantIds } } : {}) },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          role: true,
          displayName: true,
          user: { select: { email: true, locale: true } },
          delegation: { select: { defaultLocale: true, capitalTimeZone: true } },
        },
      },
    },
  });
  const organizer = parseMailbox(env.EMAIL_FROM);
  const report: DeliveryReport = { sent: 0, skipped: 0, failed: [] };
  const dedupePrefix = kind === 'cancel' ? 'cancel' : kind.startsWith('reminder') ? kind : 'invite';
  for (const participant of ceremony.participants) {
    const locale = recipientLocale(participant.user.locale, participant.delegation?.defaultLocale);
    const mail = composeCeremonyMail({
      kind,
      locale,
      appUrl: env.APP_URL,
      organizer,
      ceremony: {
        id: ceremony.id,
        title: ceremony.title,
        description: ceremony.description,
        placeName: ceremony.placeName,
        start: ceremony.scheduledStart,
        end: ceremony.scheduledEnd,
        timeZone: ceremony.timeZone,
        sequence: ceremony.icsSequence,
      },
      capitals: ceremony.delegations,
      recipient: {
        name: participant.displayName,
        email: participant.user.email,
        role: participant.role,
        timeZone: participant.delegation?.capitalTimeZone ?? ceremony.timeZone,
      },
      reason,
    });
    const dedupeKey = `${dedupePrefix}:${participant.id}:seq${ceremony.icsSequence}`;
    try {
      // A delivery that failed earlier (SMTP down) is tried again; a delivered one never.
      await transaction((tx) => tx.mailMessage.deleteMany({ where: { dedupeKey, deliveredAt: null, error: { not: null } } }));
      const delivered = await sendMail({
        to: participant.user.email,
        subject: mail.subject,
        text: mail.text,
        kind,
        locale,
        ceremonyId,
        dedupeKey,
        icalEvent: mail.ics ? { method: mail.ics.method, content: mail.ics.content, filename: 'invitation.ics' } : undefined,
        attachments: mail.ics
          ? [{ filename: 'invitation.ics', content: mail.ics.content, contentType: `application/ics; method=${mail.ics.method}` }]
          : undefined,
      });
      if (delivered) report.sent += 1;
      else report.skipped += 1;
    } catch (error) {
      report.failed.push({ email: participant.user.email, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
