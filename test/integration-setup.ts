import { afterEach } from 'vitest';
import { resetRateLimits } from '@/lib/rate-limit';

afterEach(() => {
  resetRateLimits();
});
