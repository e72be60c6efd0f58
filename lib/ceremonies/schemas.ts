import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/format-instant';

/**
 * Shared by the organiser's forms and their server actions. Messages are keys that the
 * forms translate (`schedule.fieldErrors.<key>`).
 */

export const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDateTime');

export const ianaTimeZone = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((zone) => zone === 'UTC' || (zone.includes('/') && isValidTimeZone(zone)), 'invalidTimeZone');

export const ceremonyDetailsSchema = z.object({
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  description: z.string().trim().max(4000, 'tooLong').default(''),
  placeName: z.string().trim().max(200, 'tooLong').default(''),
});

/** Start and end as wall-clock times in a named zone; the use-case turns them into instants. */
export const ceremonyTimesSchema = z.object({
  timeZone: ianaTimeZone,
  startLocal: localDateTime,
  endLocal: localDateTime,
});

export const createCeremonySchema = ceremonyDetailsSchema.extend(ceremonyTimesSchema.shape);

export type CeremonyDetailsInput = z.infer<typeof ceremonyDetailsSchema>;
export type CeremonyTimesInput = z.infer<typeof ceremonyTimesSchema>;
export type CreateCeremonyInput = z.infer<typeof createCeremonySchema>;

export const cancelCeremonySchema = z.object({
  reason: z.string().trim().max(1000, 'tooLong').default(''),
});
