import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { toHttpError } from '@/lib/errors';

function hasCronSecret(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The one way a /api/cron/* route runs its job: the bearer secret is checked in constant
 * time (401 otherwise), the job's result is the JSON answer, errors map as everywhere.
 */
export async function runCronJob(request: Request, job: () => Promise<Record<string, unknown>>): Promise<Response> {
  if (!hasCronSecret(request.headers.get('authorization'))) {
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong cron secret.' } }, { status: 401 });
  }
  try {
    return Response.json({ ok: true, ...(await job()) });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
