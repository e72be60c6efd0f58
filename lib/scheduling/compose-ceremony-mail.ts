import { translatorFor } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { buildInvitationIcs, ceremonyIcsUid, type IcsMethod } from '@/lib/scheduling/build-invitation-ics';
import { dayDifference, formatDateTime } from '@/lib/time/format-instant';

export const ceremonyMailKinds = ['invitation', 'update', 'reschedule', 'cancel', 'reminder-24h', 'reminder-15m'] as const;
export type CeremonyMailKind = (typeof ceremonyMailKinds)[number];

export interface CeremonyMailInput {
  kind: CeremonyMailKind;
  locale: Locale;
  appUrl: string;
  organizer: { name: string; email: string };
  ceremony: {
    id: string;
    title: string;
    description: string;
    placeName: string;
    start: Date;
    end: Date;
    timeZone: string;
    sequence: number;
  };
  capitals: { capitalName: string; capitalTimeZone: string }[];
  recipient: { name: string; email: string; role: string; timeZone: string };
  reason?: string;
}

export interface ComposedCeremonyMail {
  subject: string;
  text: string;
  /** The calendar entry (invitations, updates and cancellations; reminders carry none) */
  ics?: { method: IcsMethod; content: string };
}

const subjectKeys = {
  invitation: 'invitation.subject.invitation',
  update: 'invitation.subject.update',
  reschedule: 'invitation.subject.reschedule',
  cancel: 'invitation.subject.cancel',
  'reminder-24h': 'invitation.subject.reminder24h',
  'reminder-15m': 'invitation.subject.reminder15m',
} as const;

const introKeys = {
  invitation: 'invitation.body.invitation',
  update: 'invitation.body.update',
  reschedule: 'invitation.body.reschedule',
  cancel: 'invitation.body.cancel',
  'reminder-24h': 'invitation.body.reminder24h',
  'reminder-15m': 'invitation.body.reminder15m',
} as const;

const roleKeys = {
  organiser: 'roles.organiser',
  signatory: 'roles.signatory',
  witness: 'roles.witness',
  delegate: 'roles.delegate',
  observer: 'roles.observer',
} as const;

/**
 * The text of every ceremony email and its calendar entry, in the recipient's language
 * (subject, body, SUMMARY, DESCRIPTION), with the time in their zone and in each capital.
 * Pure: the same input gives the same mail.
 */
export function composeCeremonyMail(input: CeremonyMailInput): ComposedCeremonyMail {
  const t = translatorFor(input.locale);
  const { ceremony, recipient, locale } = input;
  const role = t(roleKeys[recipient.role as keyof typeof roleKeys] ?? 'roles.delegate');
  const signInUrl = `${input.appUrl.replace(/\/$/, '')}/sign-in?callbackUrl=${encodeURIComponent(`/ceremonies/${ceremony.id}`)}`;

  const seen = new Set<string>();
  const capitals = input.capitals.filter((capital) => !seen.has(capital.capitalTimeZone) && seen.add(capital.capitalTimeZone));
  const reference = capitals[0]?.capitalTimeZone ?? ceremony.timeZone;
  const timeLines = [
    t('invitation.body.yourTime', { zone: recipient.timeZone, time: formatDateTime(ceremony.start, locale, recipient.timeZone) }),
    ...capitals.map((capital) => {
      const difference = dayDifference(ceremony.start, capital.capitalTimeZone, reference);
      const note = difference > 0 ? ` (${t('time.nextDay')})` : difference < 0 ? ` (${t('time.previousDay')})` : '';
      return t('invitation.body.capitalTime', { capital: capital.capitalName, time: formatDateTime(ceremony.start, locale, capital.capitalTimeZone) }) + note;
    }),
    t('invitation.body.endsAt', { time: formatDateTime(ceremony.end, locale, recipient.timeZone) }),
  ];

  const title = ceremony.title;
  const intro = t(introKeys[input.kind], { title, role });
  const paragraphs = [t('invitation.body.greeting', { name: recipient.name }), intro];
  if (input.kind === 'cancel' && input.reason) paragraphs.push(t('invitation.body.reason', { reason: input.reason }));
  paragraphs.push([t('invitation.body.whenHeading'), ...timeLines.map((line) => `  ${line}`)].join('\n'));
  if (ceremony.placeName) paragraphs.push(t('invitation.body.place', { place: ceremony.placeName }));
  if (input.kind !== 'cancel') {
    paragraphs.push(t('invitation.body.role', { role }));
    paragraphs.push(t('invitation.body.signIn', { url: signInUrl }));
  }
  if (input.kind === 'invitation' || input.kind === 'update' || input.kind === 'reschedule') paragraphs.push(t('invitation.body.calendar'));
  if (input.kind === 'cancel') paragraphs.push(t('invitation.body.calendarCancel'));
  paragraphs.push(t('invitation.body.closing'));

  const mail: ComposedCeremonyMail = { subject: t(subjectKeys[input.kind], { title }), text: paragraphs.join('\n\n') };
  if (input.kind === 'reminder-24h' || input.kind === 'reminder-15m') return mail;

  const method: IcsMethod = input.kind === 'cancel' ? 'CANCEL' : 'REQUEST';
  const description = [
    t('invitation.ics.description', { title, role }),
    ceremony.description,
    ...capitals.map((capital) =>
      t('invitation.body.capitalTime', { capital: capital.capitalName, time: formatDateTime(ceremony.start, locale, capital.capitalTimeZone) }),
    ),
    t('invitation.body.signIn', { url: signInUrl }),
  ]
    .filter(Boolean)
    .join('\n');
  mail.ics = {
    method,
    content: buildInvitationIcs({
      uid: ceremonyIcsUid(ceremony.id, input.appUrl),
      sequence: ceremony.sequence,
      method,
      start: ceremony.start,
      end: ceremony.end,
      summary: t(method === 'CANCEL' ? 'invitation.ics.summaryCancelled' : 'invitation.ics.summary', { title }),
      description,
      location: ceremony.placeName,
      url: signInUrl,
      organizer: input.organizer,
      attendee: { name: recipient.name, email: recipient.email },
    }),
  };
  return mail;
}
