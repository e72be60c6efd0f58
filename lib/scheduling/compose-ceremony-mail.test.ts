import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { composeCeremonyMail, type CeremonyMailInput } from '@/lib/scheduling/compose-ceremony-mail';

const base: CeremonyMailInput = {
  kind: 'invitation',
  locale: 'en',
  appUrl: 'https://accord.example.org',
  organizer: { name: 'Accord', email: 'no-reply@accord.example.org' },
  ceremony: {
    id: 'cer123',
    title: 'Joint Declaration on Smart Manufacturing',
    description: 'Signing by video link.',
    placeName: 'Berlin and Seoul',
    start: new Date('2026-11-24T09:00:00Z'),
    end: new Date('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/Berlin',
    sequence: 0,
  },
  capitals: [
    { capitalName: 'Berlin', capitalTimeZone: 'Europe/Berlin' },
    { capitalName: 'Seoul', capitalTimeZone: 'Asia/Seoul' },
  ],
  recipient: { name: 'Kim Min-jun', email: 'kim@kosmo.example.kr', role: 'signatory', timeZone: 'Asia/Seoul' },
};

function parseIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = event.getFirstProperty('dtstart')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    summary: event.getFirstPropertyValue('summary'),
    description: String(event.getFirstPropertyValue('description')),
    status: event.getFirstPropertyValue('status'),
    start: start.getFirstValue() as ICAL.Time,
    end: event.getFirstPropertyValue('dtend') as ICAL.Time,
    attendee: String(event.getFirstPropertyValue('attendee')),
  };
}

describe('invitation .ics', () => {
  it('has a stable UID, the SEQUENCE, METHOD:REQUEST and DTSTART in UTC', () => {
    const mail = composeCeremonyMail(base);
    expect(mail.ics?.method).toBe('REQUEST');
    expect(mail.ics?.content).toMatch(/^DTSTART:20261124T090000Z\r?$/m);
    const ics = parseIcs(mail.ics!.content);
    expect(ics.method).toBe('REQUEST');
    expect(ics.uid).toBe('cer123@accord.example.org');
    expect(ics.sequence).toBe(0);
    expect(ics.start.zone?.tzid).toBe('UTC');
    expect(ics.start.toJSDate().toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(ics.end.toJSDate().toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(ics.summary).toBe('Signing ceremony: Joint Declaration on Smart Manufacturing');
    expect(ics.attendee).toBe('mailto:kim@kosmo.example.kr');
  });

  it('a reschedule keeps the UID and carries the next SEQUENCE; a cancellation says CANCEL', () => {
    const moved = parseIcs(
      composeCeremonyMail({
        ...base,
        kind: 'reschedule',
        ceremony: { ...base.ceremony, sequence: 1, start: new Date('2026-11-25T09:00:00Z'), end: new Date('2026-11-25T10:00:00Z') },
      }).ics!.content,
    );
    expect(moved).toMatchObject({ method: 'REQUEST', uid: 'cer123@accord.example.org', sequence: 1 });
    expect(moved.start.toJSDate().toISOString()).toBe('2026-11-25T09:00:00.000Z');
    const cancelled = composeCeremonyMail({ ...base, kind: 'cancel', ceremony: { ...base.ceremony, sequence: 2 } });
    expect(cancelled.ics?.method).toBe('CANCEL');
    expect(parseIcs(cancelled.ics!.content)).toMatchObject({ method: 'CANCEL', uid: 'cer123@accord.example.org', sequence: 2, status: 'CANCELLED' });
  });

  it('speaks the recipient’s language: Korean subject, body and SUMMARY, with Hangul intact', () => {
    const mail = composeCeremonyMail({ ...base, locale: 'ko', ceremony: { ...base.ceremony, title: '스마트 제조 협력 공동선언' } });
    expect(mail.subject).toBe('초대: 스마트 제조 협력 공동선언');
    expect(mail.text).toContain('서명식에 귀하를 정중히 초대합니다');
    expect(mail.text).toContain('역할: 서명자');
    expect(mail.text).toContain('2026년 11월 24일 (화) 오후 6:00 KST');
    expect(parseIcs(mail.ics!.content).summary).toBe('서명식: 스마트 제조 협력 공동선언');
  });

  it('German with "Sie", times in both capitals and the day change', () => {
    const mail = composeCeremonyMail({
      ...base,
      locale: 'de',
      ceremony: { ...base.ceremony, start: new Date('2026-11-24T17:00:00Z'), end: new Date('2026-11-24T18:00:00Z') },
      recipient: { ...base.recipient, timeZone: 'Europe/Berlin' },
    });
    expect(mail.subject).toBe('Einladung: Joint Declaration on Smart Manufacturing');
    expect(mail.text).toContain('wir laden Sie herzlich');
    expect(mail.text).toContain('Berlin: Dienstag, 24. November 2026, 18:00 MEZ');
    expect(mail.text).toContain('Seoul: Mittwoch, 25. November 2026, 02:00 KST (Folgetag)');
    expect(mail.text).toContain('https://accord.example.org/sign-in?callbackUrl=%2Fceremonies%2Fcer123');
    expect(parseIcs(mail.ics!.content).summary).toBe('Unterzeichnungszeremonie: Joint Declaration on Smart Manufacturing');
  });

  it('reminders carry no calendar entry', () => {
    expect(composeCeremonyMail({ ...base, kind: 'reminder-15m' }).ics).toBeUndefined();
  });
});
