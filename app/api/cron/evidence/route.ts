import { runEvidenceJobs } from '@/lib/evidence/run-evidence-jobs';
import { runCronJob } from '@/lib/http/run-cron-job';

export const runtime = 'nodejs';

/** Builds the evidence packages still owed (a process died after concluding). Idempotent. */
export function POST(request: Request) {
  return runCronJob(request, async () => ({ ...(await runEvidenceJobs()) }));
}
