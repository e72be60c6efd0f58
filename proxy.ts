import { NextResponse, type NextRequest } from 'next/server';

/**
 * Request hygiene before any route runs (hostile case 17). Authorisation is NOT done here:
 * every use-case checks its own permissions.
 *  - `x-middleware-subrequest` is Next's internal header (CVE-2025-29927): never from outside.
 *  - State-changing requests must come from our own origin. Server actions carry Next's
 *    own origin check; this covers route handlers too. Webhooks and cron calls are
 *    machine-to-machine and authenticate by signature / bearer secret instead.
 */
const originExempt = ['/api/livekit/webhook', '/api/cron/'];

export function proxy(request: NextRequest) {
  if (request.headers.has('x-middleware-subrequest')) {
    return NextResponse.json({ error: { code: 'FORBIDDEN', message: 'Forbidden header' } }, { status: 403 });
  }
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
  const exempt = originExempt.some((prefix) => request.nextUrl.pathname.startsWith(prefix));
  if (unsafe && !exempt) {
    const origin = request.headers.get('origin');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    let sameOrigin = false;
    try {
      sameOrigin = origin !== null && host !== null && new URL(origin).host === host;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) {
      return NextResponse.json(
        { error: { code: 'FORBIDDEN', message: 'Cross-origin or origin-less requests that change state are refused.' } },
        { status: 403 },
      );
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
