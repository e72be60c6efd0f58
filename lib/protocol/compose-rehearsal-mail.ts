import { translatorFor } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { buildInvitationIcs, ceremonyIcsUid } from '@/lib/scheduling/build-invitation-ics';
import { formatDateTime } from '@/lib/time/format-instant';

/** The rehearsal slot's length in the calendar. */
export const REHEARSAL_MINUTES = 45;

export interface RehearsalMailInput {
  locale: Locale;
  appUrl: string;
  organizer: { name: string; email: string };
  ceremony: { id: string; title: string; start: Date; rehearsalStart: Date };
  /** The rehearsal's own SEQUENCE: its calendar entry is separate from the ceremony's. */
  sequence: number;
  capitals: { capitalName: string; capitalTimeZone: string }[];
  recipient: { name: string; email: string; timeZone: string };
}

/**
 * The technical rehearsal's invitation in the recipient's language, with its own calendar
 * entry (its own UID, so it never replaces the ceremony's). Pure.
 */
export function composeRehearsalMail(input: RehearsalMailInput) {
  const t = translatorFor(input.locale);
  const { ceremony, locale, recipient } = input;
  const roomUrl = `${input.appUrl.replace(/\/$/, '')}/sign-in?callbackUrl=${encodeURIComponent(`/ceremonies/${ceremony.id}/room`)}`;
  const seen = new Set<string>();
  const capitals = input.capitals.filter((capital) => !seen.has(capital.capitalTimeZone) && seen.add(capital.capitalTimeZone));
  const when = (instant: Date) => [
    t('protocol.rehearsalMail.yourTime', { zone: recipient.timeZone, time: formatDateTime(instant, locale, recipient.timeZone) }),
    ...capitals.map((capital) =>
      t('protocol.rehearsalMail.capitalTime', { capital: capital.capitalName, time: formatDateTime(instant, locale, capital.capitalTimeZone) }),
    ),
  ];
  const text = [
    t('protocol.rehearsalMail.greeting', { name: recipient.name }),
    t('protocol.rehearsalMail.intro', { title: ceremony.title }),
    [t('protocol.rehearsalMail.whenHeading'), ...when(ceremony.rehearsalStart).map((line) => `  ${line}`)].join('\n'),
    t('protocol.rehearsalMail.purpose'),
    t('protocol.rehearsalMail.ceremonyAt', { time: formatDateTime(ceremony.start, locale, recipient.timeZone) }),
    t('protocol.rehearsalMail.signIn', { url: roomUrl }),
    t('protocol.rehearsalMail.closing'),
  ].join('\n\n');
  const ics = buildInvitationIcs({
    uid: ceremonyIcsUid(ceremony.id, input.appUrl, 'rehearsal'),
    sequence: input.sequence,
    method: 'REQUEST',
    start: ceremony.rehearsalStart,
    end: new Date(ceremony.rehearsalStart.getTime() + REHEARSAL_MINUTES * 60_000),
    summary: t('protocol.rehearsalMail.icsSummary', { title: ceremony.title }),
    description: [t('protocol.rehearsalMail.purpose'), ...when(ceremony.rehearsalStart), t('protocol.rehearsalMail.signIn', { url: roomUrl })].join('\n'),
    location: '',
    url: roomUrl,
    organizer: input.organizer,
    attendee: { name: recipient.name, email: recipient.email },
  });
  return { subject: t('protocol.rehearsalMail.subject', { title: ceremony.title }), text, ics: { method: 'REQUEST' as const, content: ics } };
}
