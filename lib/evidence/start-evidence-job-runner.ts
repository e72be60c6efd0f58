import 'server-only';
import { runEvidenceJobs } from '@/lib/evidence/run-evidence-jobs';

const INTERVAL_MS = 60_000;

/**
 * At server start and then every minute: builds the evidence packages that a process
 * which died after concluding left owed. Failures are logged, never thrown: the server
 * keeps serving and the job is retried.
 */
export function startEvidenceJobRunner(): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runEvidenceJobs();
      if (report.built.length > 0) console.log(`Evidence packages built for ceremonies ${report.built.join(', ')}`);
      for (const failure of report.failed) console.error(`Evidence package for ceremony ${failure.ceremonyId} failed: ${failure.error}`);
    } catch (error) {
      console.error('Evidence job runner failed:', error);
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(() => void tick(), INTERVAL_MS).unref();
}
