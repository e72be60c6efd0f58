import { InvalidEnvironmentError, loadEnv } from '@/lib/env';

// A malformed environment stops the server here, naming the variable, instead of
// failing some request later.
try {
  loadEnv();
} catch (error) {
  if (error instanceof InvalidEnvironmentError) {
    console.error(`Accord cannot start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}

// Evidence packages owed by a process that died right after concluding are built now and
// then every minute; not while `next build` runs the app to prerender pages.
if (loadEnv().NEXT_PHASE !== 'phase-production-build') {
  import('@/lib/evidence/start-evidence-job-runner').then(
    ({ startEvidenceJobRunner }) => startEvidenceJobRunner(),
    (error: unknown) => console.error('The evidence job runner did not start:', error),
  );
}
