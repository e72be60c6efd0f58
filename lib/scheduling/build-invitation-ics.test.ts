import { describe, expect, it } from 'vitest';
import { buildInvitationIcs, icsParameter, icsText } from '@/lib/scheduling/build-invitation-ics';

const base = {
  uid: 'c1@accord.test',
  sequence: 2,
  method: 'REQUEST' as const,
  start: new Date('2026-11-24T09:00:00Z'),
  end: new Date('2026-11-24T10:00:00Z'),
  summary: 'Joint Declaration',
  description: 'Signing ceremony',
  location: 'Berlin',
  url: 'https://accord.test/ceremonies/c1',
  organizer: { name: 'Accord', email: 'no-reply@accord.test' },
  attendee: { name: 'Dr. Anna Schmidt', email: 'anna@example.org' },
};

/** RFC 5545 3.1: unfold (CRLF + one space or tab continues the previous line). */
function contentLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('buildInvitationIcs', () => {
  it.each([
    ['a bare CR', '\r'],
    ['a bare LF', '\n'],
    ['CRLF', '\r\n'],
    ['LF CR', '\n\r'],
  ])('no %s in a title, description, place or name reaches a line unescaped', (_name, lineBreak) => {
    const hostile = (text: string) => `${text}${lineBreak}X-INJECTED:1${lineBreak}ATTACH:https://evil.example/x`;
    const ics = buildInvitationIcs({
      ...base,
      summary: hostile('Title'),
      description: hostile('Description'),
      location: hostile('Place'),
      organizer: { name: hostile('Organiser'), email: 'no-reply@accord.test' },
      attendee: { name: hostile('Attendee'), email: 'anna@example.org' },
    });
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics).not.toMatch(/(?<!\r)\n/);
    const lines = contentLines(ics);
    expect(lines.filter((line) => /^(X-INJECTED|ATTACH)/.test(line))).toEqual([]);
    expect(lines.find((line) => line.startsWith('SUMMARY:'))).toMatch(/^SUMMARY:Title(\\n)+X-INJECTED:1(\\n)+ATTACH:https:\/\/evil\.example\/x$/);
    expect(lines.filter((line) => line.startsWith('ORGANIZER;') || line.startsWith('ATTENDEE;'))).toHaveLength(2);
  });

  it('keeps ordinary text, umlauts and Hangul as they are', () => {
    const ics = buildInvitationIcs({ ...base, summary: 'Gemeinsame Erklärung · 공동 선언', attendee: { name: '김민준', email: 'kim@example.kr' } });
    const lines = contentLines(ics);
    expect(lines).toContain('SUMMARY:Gemeinsame Erklärung · 공동 선언');
    expect(lines.some((line) => line.startsWith('ATTENDEE;') && line.includes('CN="김민준"'))).toBe(true);
  });
});

describe('ics value cleaning', () => {
  it('turns every kind of line break in TEXT into one LF and drops other control characters', () => {
    expect(icsText('a\rb\r\nc\nd\u0000e\u001bf\tg')).toBe('a\nb\nc\nd' + 'ef\tg');
  });

  it('leaves no line break or quote in a parameter value', () => {
    expect(icsParameter('Anna\r\n"X-A:1"\rB')).toBe("Anna 'X-A:1' B");
  });
});
