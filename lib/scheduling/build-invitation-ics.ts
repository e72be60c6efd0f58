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
    title: input.summary,
    description: input.description,
    location: input.location || undefined,
    url: input.url,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' }],
  });
  if (error || !value) throw new Error(`Could not build the calendar entry: ${error?.message ?? 'no output'}`);
  return value;
}

/** "Accord <no-reply@accord.localhost>" → { name: 'Accord', email: 'no-reply@accord.localhost' } */
export function parseMailbox(mailbox: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  if (match) return { name: match[1]?.trim() || 'Accord', email: match[2]!.trim() };
  return { name: 'Accord', email: mailbox.trim() };
}
