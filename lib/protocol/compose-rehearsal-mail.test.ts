import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { composeRehearsalMail, REHEARSAL_MINUTES } from '@/lib/protocol/compose-rehearsal-mail';
import { composeCeremonyMail } from '@/lib/scheduling/compose-ceremony-mail';

const capitals = [
  { capitalName: 'Berlin', capitalTimeZone: 'Europe/Berlin' },
  { capitalName: 'Seoul', capitalTimeZone: 'Asia/Seoul' },
];
const ceremony = {
  id: 'cer123',
  title: 'Joint Declaration on Smart Manufacturing',
  start: new Date('2026-11-26T09:00:00Z'),
  rehearsalStart: new Date('2026-11-25T09:00:00Z'),
};

function vevent(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    summary: event.getFirstPropertyValue('summary'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
  };
}

describe('composeRehearsalMail', () => {
  it("has its own calendar entry (UID, SEQUENCE, slot) that never replaces the ceremony's", () => {
    const mail = composeRehearsalMail({
      locale: 'de',
      appUrl: 'https://accord.example.org',
      organizer: { name: 'Accord', email: 'no-reply@accord.example.org' },
      ceremony,
      sequence: 2,
      capitals,
      recipient: { name: 'Dr. Matthias Schäfer', email: 'ms@lni40.example', timeZone: 'Europe/Berlin' },
    });
    const rehearsal = vevent(mail.ics.content);
    expect(rehearsal).toMatchObject({
      method: 'REQUEST',
      uid: 'rehearsal-cer123@accord.example.org',
      sequence: 2,
      summary: 'Technische Probe: Joint Declaration on Smart Manufacturing',
    });
    expect(rehearsal.start).toEqual(ceremony.rehearsalStart);
    expect(rehearsal.end.getTime() - rehearsal.start.getTime()).toBe(REHEARSAL_MINUTES * 60_000);
    expect(mail.subject).toBe('Technische Probe: Joint Declaration on Smart Manufacturing');
    expect(mail.text).toContain('Berlin: Mittwoch, 25. November 2026, 10:00 MEZ');
    expect(mail.text).toContain('Seoul: Mittwoch, 25. November 2026, 18:00 KST');
    expect(mail.text).toContain('MUSTER');

    const invitation = composeCeremonyMail({
      kind: 'invitation',
      locale: 'de',
      appUrl: 'https://accord.example.org',
      organizer: { name: 'Accord', email: 'no-reply@accord.example.org' },
      ceremony: { ...ceremony, description: '', placeName: '', end: new Date('2026-11-26T10:00:00Z'), timeZone: 'Europe/Berlin', sequence: 0 },
      capitals,
      recipient: { name: 'x', email: 'x@example.org', role: 'signatory', timeZone: 'Europe/Berlin' },
    });
    expect(vevent(invitation.ics!.content).uid).not.toBe(rehearsal.uid);
  });
});
