import { describe, expect, it } from 'vitest';
import { dayDifference, formatDateTime, zonedLocalToInstant } from '@/lib/time/format-instant';

const meeting = new Date('2026-11-24T09:00:00Z');

describe('formatDateTime', () => {
  it('writes each language its own way, in the given zone', () => {
    expect(formatDateTime(meeting, 'de', 'Europe/Berlin')).toBe('Dienstag, 24. November 2026, 10:00 MEZ');
    expect(formatDateTime(meeting, 'ko', 'Asia/Seoul')).toBe('2026년 11월 24일 (화) 오후 6:00 KST');
    expect(formatDateTime(meeting, 'en', 'Europe/Berlin')).toBe('Tuesday, 24 November 2026, 10:00 CET');
  });

  it('names summer time', () => {
    expect(formatDateTime(new Date('2026-07-01T08:00:00Z'), 'de', 'Europe/Berlin')).toBe('Mittwoch, 1. Juli 2026, 10:00 MESZ');
  });

  it('shows when Seoul is already on the next day', () => {
    const lateInBerlin = new Date('2026-11-24T20:00:00Z');
    expect(formatDateTime(lateInBerlin, 'en', 'Asia/Seoul')).toBe('Wednesday, 25 November 2026, 05:00 KST');
    expect(dayDifference(lateInBerlin, 'Asia/Seoul', 'Europe/Berlin')).toBe(1);
    expect(dayDifference(meeting, 'Asia/Seoul', 'Europe/Berlin')).toBe(0);
  });
});

describe('zonedLocalToInstant', () => {
  it('converts across a DST switch in Berlin while Seoul has none', () => {
    // Berlin leaves CET for CEST on 2027-03-28 at 02:00.
    const before = zonedLocalToInstant('2027-03-27T10:00', 'Europe/Berlin');
    const after = zonedLocalToInstant('2027-03-29T10:00', 'Europe/Berlin');
    expect(before.toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(after.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    // The same Berlin wall time is 18:00 in Seoul before the switch and 17:00 after.
    expect(formatDateTime(before, 'en', 'Asia/Seoul')).toContain('18:00 KST');
    expect(formatDateTime(after, 'en', 'Asia/Seoul')).toContain('17:00 KST');
  });

  it('moves a time in the spring gap forward and takes the earlier of an autumn repeat', () => {
    expect(zonedLocalToInstant('2027-03-28T02:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(() => zonedLocalToInstant('24.11.2026 10:00', 'Europe/Berlin')).toThrow(RangeError);
  });
});
