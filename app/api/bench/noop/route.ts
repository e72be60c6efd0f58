import { getSessionUser } from '@/lib/auth';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/**
 * The reference for budget P6 (bench/livekit-token.ts): authenticates exactly like the
 * token route, then does nothing. Exists only with ACCORD_BENCH or ACCORD_DEV_TOOLS.
 */
async function noop() {
  if (!env.ACCORD_BENCH && !env.ACCORD_DEV_TOOLS) return new Response(null, { status: 404 });
  const user = await getSessionUser();
  return new Response(null, { status: user ? 204 : 401 });
}

export const GET = noop;
export const POST = noop;
