import 'server-only';
import { db } from '@/lib/db';
import { deliverInvitations, type DeliveryReport } from '@/lib/scheduling/deliver-invitations';

const REMINDER_24H_MS = 24 * 3_600_000;
const REMINDER_15M_MS = 15 * 60_000;

/**
 * Which reminder is due for a ceremony starting at `start`: 15 minutes before, else 24
 * hours before (a ceremony planned on short notice gets only what still makes sense).
 */
function dueReminder(start: Date, now: Date): 'reminder-24h' | 'reminder-15m' | null {
  const until = start.getTime() - now.getTime();
  if (until <= 0) return null;
  if (until <= REMINDER_15M_MS) return 'reminder-15m';
  if (until <= REMINDER_24H_MS) return 'reminder-24h';
  return null;
}

/**
 * Run by `POST /api/cron/reminders` (every few minutes). Idempotent: the dedupe key is
 * participant × reminder × SEQUENCE, so running it twice sends nothing twice, and a
 * rescheduled ceremony gets fresh reminders.
 */
export async function sendDueReminders({ now = new Date() }: { now?: Date } = {}) {
  const ceremonies = await db.ceremony.findMany({
    where: {
      state: 'SCHEDULED',
      invitationsSentAt: { not: null },
      scheduledStart: { gt: now, lte: new Date(now.getTime() + REMINDER_24H_MS) },
    },
    select: { id: true, scheduledStart: true },
  });
  const results: { ceremonyId: string; kind: string; report: DeliveryReport }[] = [];
  for (const ceremony of ceremonies) {
    const kind = dueReminder(ceremony.scheduledStart, now);
    if (!kind) continue;
    results.push({ ceremonyId: ceremony.id, kind, report: await deliverInvitations({ ceremonyId: ceremony.id, kind }) });
  }
  return results;
}
