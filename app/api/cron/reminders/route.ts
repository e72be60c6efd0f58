import { runCronJob } from '@/lib/http/run-cron-job';
import { sendDueReminders } from '@/lib/scheduling/send-due-reminders';

export const runtime = 'nodejs';

/** Sends the 24-hour and 15-minute reminders that are due. Run every 5 minutes; idempotent. */
export function POST(request: Request) {
  return runCronJob(request, async () => ({ results: await sendDueReminders() }));
}
