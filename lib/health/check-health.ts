import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export interface Health {
  ok: boolean;
  db: 'ok' | 'error';
  livekit: 'ok' | 'unreachable';
}

/**
 * `ok` means the app can serve: the database answers. Video is reported, not required:
 * signing does not depend on it.
 */
export async function checkHealth(): Promise<Health> {
  const [database, livekit] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(
      () => 'ok' as const,
      () => 'error' as const,
    ),
    fetch(env.LIVEKIT_URL.replace(/^ws/, 'http'), { signal: AbortSignal.timeout(1000) }).then(
      (response) => (response.ok ? ('ok' as const) : ('unreachable' as const)),
      () => 'unreachable' as const,
    ),
  ]);
  return { ok: database === 'ok', db: database, livekit };
}
