import 'server-only';
import { z } from 'zod';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { ianaTimeZone, localDateTime } from '@/lib/ceremonies/schemas';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { zonedLocalToInstant } from '@/lib/time/format-instant';

/** By default the rehearsal is a day before the ceremony. */
const DEFAULT_REHEARSAL_LEAD_MS = 24 * 3_600_000;

export const rehearsalSchema = z.object({ timeZone: ianaTimeZone, startLocal: localDateTime });
export type RehearsalInput = z.infer<typeof rehearsalSchema>;

/** The default slot: 24 hours before the start. */
export function defaultRehearsalStart(scheduledStart: Date): Date {
  return new Date(scheduledStart.getTime() - DEFAULT_REHEARSAL_LEAD_MS);
}

/**
 * The organiser plans (or moves, or drops) the technical rehearsal: a slot before the
 * ceremony, in a named zone. Without a time, the default slot (24 h before) is taken.
 */
export async function scheduleRehearsal({
  ceremonyId,
  userId,
  slot,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  /** Wall-clock start in a zone; 'default' = 24 h before the ceremony; null = no rehearsal. */
  slot: RehearsalInput | 'default' | null;
  now?: Date;
}) {
  let start: Date | null = null;
  if (slot !== null && slot !== 'default') {
    const parsed = rehearsalSchema.safeParse(slot);
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the rehearsal time.', fieldErrorsFromZod(parsed.error));
    start = zonedLocalToInstant(parsed.data.startLocal, parsed.data.timeZone);
  }
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony } = await requireAccess(tx, { ceremonyId, userId }, 'plan-rehearsal');
    if (slot === 'default') start = defaultRehearsalStart(ceremony.scheduledStart);
    if (start && start.getTime() >= ceremony.scheduledStart.getTime()) {
      throw new AppError(
        'INVALID_INPUT',
        'The rehearsal must be before the ceremony.',
        { startLocal: 'rehearsalAfterCeremony' },
        { reason: 'rehearsal-after-ceremony' },
      );
    }
    if (start && slot !== 'default' && start.getTime() <= now.getTime())
      throw new AppError('INVALID_INPUT', 'The rehearsal must be in the future.', { startLocal: 'rehearsalInPast' }, { reason: 'rehearsal-in-past' });
    if ((ceremony.rehearsalStart?.getTime() ?? null) === (start?.getTime() ?? null)) return { rehearsalStart: start, changed: false };
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { rehearsalStart: start } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: start ? 'rehearsal.scheduled' : 'rehearsal.dropped',
      payload: { from: ceremony.rehearsalStart?.toISOString() ?? null, to: start?.toISOString() ?? null },
      at: now,
    });
    return { rehearsalStart: start, changed: true };
  });
}
