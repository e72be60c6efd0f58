import { AppError } from '@/lib/errors';
import { zonedLocalToInstant } from '@/lib/time/format-instant';
import type { CeremonyTimesInput } from '@/lib/ceremonies/schemas';

const MAX_CEREMONY_DURATION_MS = 24 * 3_600_000;

/**
 * Wall-clock start and end in the planning zone → UTC instants (DST-correct: a start in
 * Berlin's spring gap moves forward by the gap). Refuses an end before the start, a
 * start in the past and an implausibly long ceremony, naming the field.
 */
export function resolveCeremonyTimes(input: CeremonyTimesInput, now: Date): { start: Date; end: Date } {
  const start = zonedLocalToInstant(input.startLocal, input.timeZone);
  const end = zonedLocalToInstant(input.endLocal, input.timeZone);
  if (start.getTime() <= now.getTime()) {
    throw new AppError('INVALID_INPUT', 'The start must be in the future.', { startLocal: 'startInPast' }, { reason: 'start-in-past' });
  }
  if (end.getTime() <= start.getTime()) {
    throw new AppError('INVALID_INPUT', 'The end must be after the start.', { endLocal: 'endBeforeStart' }, { reason: 'end-before-start' });
  }
  if (end.getTime() - start.getTime() > MAX_CEREMONY_DURATION_MS) {
    throw new AppError('INVALID_INPUT', 'A ceremony lasts at most 24 hours.', { endLocal: 'tooLong' }, { reason: 'ceremony-too-long' });
  }
  return { start, end };
}

/** An instant as the value of an <input type="datetime-local"> in a zone. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
