import 'server-only';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';

/**
 * Fixed-window counters in this process's memory: enough for one app node. A cluster
 * would put these in Redis; the call sites stay the same.
 */
// On globalThis: a production build may evaluate this module once per server chunk, and
// separate maps would let each route count on its own.
const globalForRateLimits = globalThis as unknown as { accordRateLimitWindows?: Map<string, { startedAt: number; count: number }> };
const windows = (globalForRateLimits.accordRateLimitWindows ??= new Map<string, { startedAt: number; count: number }>());
const WINDOW_MS = 60_000;

export type RateLimitedAction = 'magic-link' | 'upload' | 'livekit-token' | 'sign' | 'download';

/** A download may be tens of MB read, hashed and sent: fewer than page views, more than clicks. */
export const DOWNLOADS_PER_LIMIT = 3;

/** Throws RATE_LIMITED (429) when any of the keys has used up its requests this minute. */
export function enforceRateLimit(action: RateLimitedAction, keys: string[], limit = env.RATE_LIMIT_PER_MINUTE): void {
  const now = Date.now();
  const counters = keys.map((key) => {
    const id = `${action}:${key}`;
    let window = windows.get(id);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      windows.set(id, window);
    }
    return window;
  });
  const exhausted = counters.find((window) => window.count >= limit);
  if (exhausted) {
    const retryAfterSeconds = Math.ceil((exhausted.startedAt + WINDOW_MS - now) / 1000);
    throw new AppError('RATE_LIMITED', `Too many requests. Please wait ${retryAfterSeconds} seconds and try again.`, undefined, {
      reason: 'rate-limited',
      params: { retryAfterSeconds },
    });
  }
  for (const window of counters) window.count += 1;
  if (windows.size > 50_000) pruneExpired(now);
}

/** Downloads, archive artefacts and the transmittal: per user, DOWNLOADS_PER_LIMIT × the limit a minute. */
export function enforceDownloadRateLimit(userId: string): void {
  enforceRateLimit('download', [`user:${userId}`], env.RATE_LIMIT_PER_MINUTE * DOWNLOADS_PER_LIMIT);
}

function pruneExpired(now: number): void {
  for (const [id, window] of windows) if (now - window.startedAt >= WINDOW_MS) windows.delete(id);
}

/** Test hook: forget every counter. */
export function resetRateLimits(): void {
  windows.clear();
}
