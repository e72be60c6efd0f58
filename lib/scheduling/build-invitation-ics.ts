import { createEvent } from 'ics';

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface InvitationIcsInput {
  /** Stable per ceremony (and per rehearsal): calendars match updates by it. */
  uid: string;
  sequence: number;
  method: IcsMethod;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

export function ceremonyIcsUid(ceremonyId: string, appUrl: string, variant: 'ceremony' | 'rehearsal' = 'ceremony'): string {
  const host = new URL(appUrl).hostname || 'accord';
  return `${variant === 'ceremony' ? '' : `${variant}-`}${ceremonyId}@${host}`;
}

/**
 * One VEVENT in a VCALENDAR with METHOD:REQUEST (new or changed) or METHOD:CANCEL, times
 * in UTC (DTSTART:…Z), so every calendar shows them in its own zone.
 */
export function buildInvitationIcs(input: InvitationIcsInput): string {
  const { error, value } = createEvent({
    productId: '-//Accord//Signing ceremonies//EN',
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    start: input.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: input.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: icsText(input.summary),
    description: icsText(input.description),
    location: icsText(input.location) || undefined,
    url: icsValue(input.url),
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: icsParameter(input.organizer.name), email: icsValue(input.organizer.email) },
    attendees: [
      { name: icsParameter(input.attendee.name), email: icsValue(input.attendee.email), rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
    ],
  });
  if (error || !value) throw new Error(`Could not build the calendar entry: ${error?.message ?? 'no output'}`);
  // The library escapes LF but passes a bare CR through, which many calendar parsers read
  // as a line break: a name or title could then inject properties. Never emit one.
  if (/\r(?!\n)|(?<!\r)\n/.test(value)) throw new Error('Could not build the calendar entry: a line break escaped the encoder.');
  return value;
}

const CONTROL_EXCEPT_LF_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** TEXT values: every line break becomes LF, which the library escapes as \n; other controls go. */
export function icsText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_LF_TAB, '');
}

/** Parameter values (CN=…) cannot escape anything: line breaks and quotes become spaces. */
export function icsParameter(text: string): string {
  return text.replace(CONTROL, ' ').replace(/"/g, "'").replace(/ {2,}/g, ' ').trim();
}

/** URIs, addresses: no control characters at all. */
function icsValue(text: string): string {
  return text.replace(CONTROL, '');
}

/** "Accord <no-reply@accord.localhost>" → { name: 'Accord', email: 'no-reply@accord.localhost' } */
export function parseMailbox(mailbox: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  if (match) return { name: match[1]?.trim() || 'Accord', email: match[2]!.trim() };
  return { name: 'Accord', email: mailbox.trim() };
}
