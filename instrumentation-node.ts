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
