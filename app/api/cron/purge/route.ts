import { timingSafeEqual } from 'node:crypto';
import { purgeExpiredArtefacts } from '@/lib/archive/purge-expired-artefacts';
import { env } from '@/lib/env';
import { toHttpError } from '@/lib/errors';

export const runtime = 'nodejs';

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Retention: purges the artefacts past RETENTION_DAYS that are not on legal hold. Run daily; idempotent. */
export async function POST(request: Request) {
  if (!authorised(request.headers.get('authorization'))) {
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong cron secret.' } }, { status: 401 });
  }
  try {
    const report = await purgeExpiredArtefacts();
    return Response.json({ ok: true, ...report, purgedCount: report.purged.length });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
