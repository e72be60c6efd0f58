import { purgeExpiredArtefacts } from '@/lib/archive/purge-expired-artefacts';
import { runCronJob } from '@/lib/http/run-cron-job';

export const runtime = 'nodejs';

/** Retention: purges the artefacts past RETENTION_DAYS that are not on legal hold. Run daily; idempotent. */
export function POST(request: Request) {
  return runCronJob(request, async () => {
    const report = await purgeExpiredArtefacts();
    return { ...report, purgedCount: report.purged.length };
  });
}
