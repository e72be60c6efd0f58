import { describe, expect, it } from 'vitest';
import { instantToZonedLocal, resolveCeremonyTimes } from '@/lib/ceremonies/resolve-ceremony-times';
import { isAppError } from '@/lib/errors';
import { dayDifference, formatDateTime } from '@/lib/time/format-instant';

const now = new Date('2027-01-01T00:00:00Z');

describe('resolveCeremonyTimes (DST-correct)', () => {
  // Berlin moves to summer time on 2027-03-28 at 02:00 (→ 03:00); Seoul has no DST.
  it('the same Berlin wall-clock time lands an hour apart in UTC across the switch, not in Seoul', () => {
    const before = resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal: '2027-03-27T10:00', endLocal: '2027-03-27T11:00' }, now);
    const after = resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal: '2027-03-29T10:00', endLocal: '2027-03-29T11:00' }, now);
    expect(before.start.toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(after.start.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(formatDateTime(before.start, 'en', 'Asia/Seoul')).toBe('Saturday, 27 March 2027, 18:00 KST');
    expect(formatDateTime(after.start, 'en', 'Asia/Seoul')).toBe('Monday, 29 March 2027, 17:00 KST');
    expect(formatDateTime(before.start, 'de', 'Europe/Berlin')).toBe('Samstag, 27. März 2027, 10:00 MEZ');
    expect(formatDateTime(after.start, 'de', 'Europe/Berlin')).toBe('Montag, 29. März 2027, 10:00 MESZ');
  });

  it('a ceremony planned across the switch night lasts its real duration', () => {
    const { start, end } = resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal: '2027-03-28T01:30', endLocal: '2027-03-28T03:30' }, now);
    expect((end.getTime() - start.getTime()) / 60_000).toBe(60);
    // Planned in Seoul, the same night has no gap.
    const seoul = resolveCeremonyTimes({ timeZone: 'Asia/Seoul', startLocal: '2027-03-28T09:30', endLocal: '2027-03-28T11:30' }, now);
    expect((seoul.end.getTime() - seoul.start.getTime()) / 60_000).toBe(120);
    expect(formatDateTime(seoul.start, 'ko', 'Europe/Berlin')).toBe('2027년 3월 28일 (일) 오전 1:30 CET');
  });

  it('a start inside the spring gap moves forward by the gap', () => {
    const { start } = resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal: '2027-03-28T02:30', endLocal: '2027-03-28T04:00' }, now);
    expect(start.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(instantToZonedLocal(start, 'Europe/Berlin')).toBe('2027-03-28T03:30');
  });

  it('an evening in Berlin is the next morning in Seoul', () => {
    const { start } = resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal: '2027-03-27T20:00', endLocal: '2027-03-27T21:00' }, now);
    expect(dayDifference(start, 'Asia/Seoul', 'Europe/Berlin')).toBe(1);
  });

  it('round-trips the form value in the planning zone', () => {
    const { start } = resolveCeremonyTimes({ timeZone: 'Asia/Seoul', startLocal: '2027-10-31T18:00', endLocal: '2027-10-31T19:00' }, now);
    expect(instantToZonedLocal(start, 'Asia/Seoul')).toBe('2027-10-31T18:00');
  });

  it('refuses a past start, an end before the start and a day-long ceremony, naming the field', () => {
    const problem = (startLocal: string, endLocal: string) => {
      try {
        resolveCeremonyTimes({ timeZone: 'Europe/Berlin', startLocal, endLocal }, now);
      } catch (error) {
        if (isAppError(error)) return error.fieldErrors;
      }
      return null;
    };
    expect(problem('2026-12-31T10:00', '2026-12-31T11:00')).toEqual({ startLocal: 'startInPast' });
    expect(problem('2027-02-01T10:00', '2027-02-01T09:00')).toEqual({ endLocal: 'endBeforeStart' });
    expect(problem('2027-02-01T10:00', '2027-02-02T11:00')).toEqual({ endLocal: 'tooLong' });
  });
});
