import type { Locale } from '@/lib/i18n/locales';

/**
 * Dates and times the way each language writes them, in a named IANA zone:
 *   de: "Dienstag, 24. November 2026, 10:00 MEZ"
 *   ko: "2026년 11월 24일 (화) 오후 6:00 KST"
 *   en: "Tuesday, 24 November 2026, 10:00 CET"
 * Pure (Intl only): the same text on the server, in the browser, in mail and in PDFs.
 */

/** Abbreviations people know, per zone: [standard, daylight]; ICU's own names otherwise. */
const zoneAbbreviations: Record<string, Partial<Record<Locale, [string, string]>> & { default: [string, string] }> = {
  'Europe/Berlin': { default: ['CET', 'CEST'], de: ['MEZ', 'MESZ'] },
  'Europe/Paris': { default: ['CET', 'CEST'], de: ['MEZ', 'MESZ'] },
  'Europe/Brussels': { default: ['CET', 'CEST'], de: ['MEZ', 'MESZ'] },
  'Europe/Vienna': { default: ['CET', 'CEST'], de: ['MEZ', 'MESZ'] },
  'Europe/London': { default: ['GMT', 'BST'] },
  'Asia/Seoul': { default: ['KST', 'KDT'] },
  'Asia/Tokyo': { default: ['JST', 'JDT'] },
  'America/New_York': { default: ['EST', 'EDT'] },
  UTC: { default: ['UTC', 'UTC'] },
  'Etc/UTC': { default: ['UTC', 'UTC'] },
};

/** Minutes east of UTC of `timeZone` at `instant`. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function isDaylightTime(instant: Date, timeZone: string): boolean {
  const year = instant.getUTCFullYear();
  const january = zoneOffsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone);
  const july = zoneOffsetMinutes(new Date(Date.UTC(year, 6, 1)), timeZone);
  return january !== july && zoneOffsetMinutes(instant, timeZone) === Math.max(january, july);
}

export function zoneAbbreviation(instant: Date, timeZone: string, locale: Locale): string {
  const known = zoneAbbreviations[timeZone];
  if (known) return (known[locale] ?? known.default)[isDaylightTime(instant, timeZone) ? 1 : 0];
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

function partsOf(instant: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, ...options }).formatToParts(instant);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
}

/** "Dienstag, 24. November 2026" / "2026년 11월 24일 (화)" / "Tuesday, 24 November 2026" */
export function formatDate(instant: Date, locale: Locale, timeZone: string): string {
  if (locale === 'ko') {
    const get = partsOf(instant, 'ko', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
    return `${get('year')}년 ${get('month')}월 ${get('day')}일 (${get('weekday')})`;
  }
  const intlLocale = locale === 'en' ? 'en-GB' : locale;
  return new Intl.DateTimeFormat(intlLocale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "10:00" / "오후 6:00" / "10:00" (24-hour clock in English too: protocol timetables use it) */
export function formatTime(instant: Date, locale: Locale, timeZone: string): string {
  const get = partsOf(instant, 'en-GB', timeZone, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
  const hour = Number(get('hour'));
  const minute = get('minute');
  if (locale === 'ko') {
    const period = hour < 12 ? '오전' : '오후';
    const hour12 = hour % 12 === 0 ? 12 : hour % 12;
    return `${period} ${hour12}:${minute}`;
  }
  return `${String(hour).padStart(2, '0')}:${minute}`;
}

export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  const separator = locale === 'ko' ? ' ' : ', ';
  return `${formatDate(instant, locale, timeZone)}${separator}${formatTime(instant, locale, timeZone)} ${zoneAbbreviation(instant, timeZone, locale)}`;
}

/** Calendar day (YYYY-MM-DD) of an instant in a zone: tells when two capitals differ in date. */
function calendarDay(instant: Date, timeZone: string): string {
  const get = partsOf(instant, 'en-GB', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** +1 when the zone is already on the next calendar day compared with the reference zone. */
export function dayDifference(instant: Date, timeZone: string, referenceTimeZone: string): number {
  const toDays = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
  return toDays(calendarDay(instant, timeZone)) - toDays(calendarDay(instant, referenceTimeZone));
}

/**
 * The UTC instant of a wall-clock time in a zone ("2027-03-28T10:00" in Europe/Berlin).
 * DST-correct: a time that does not exist (spring gap) moves forward by the gap; an
 * ambiguous one (autumn) takes the earlier instant.
 */
export function zonedLocalToInstant(localDateTime: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!match) throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${localDateTime}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  const candidates = [-3, -2, -1, 0, 1, 2].map((hours) => {
    const guess = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc + hours * 3_600_000), timeZone) * 60_000;
    return guess;
  });
  const exact = candidates.filter((guess) => guess + zoneOffsetMinutes(new Date(guess), timeZone) * 60_000 === wallAsUtc);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In the spring gap: take the offset from before the gap, which lands after it.
  return new Date(wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc - 86_400_000), timeZone) * 60_000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
