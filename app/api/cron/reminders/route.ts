import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { toHttpError } from '@/lib/errors';
import { sendDueReminders } from '@/lib/scheduling/send-due-reminders';

export const runtime = 'nodejs';

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Sends the 24-hour and 15-minute reminders that are due. Run every 5 minutes; idempotent. */
export async function POST(request: Request) {
  if (!authorised(request.headers.get('authorization'))) {
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong cron secret.' } }, { status: 401 });
  }
  try {
    const results = await sendDueReminders();
    return Response.json({ ok: true, results });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
