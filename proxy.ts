import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { buildContentSecurityPolicy, createNonce, NONCE_HEADER } from '@/lib/http/content-security-policy';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';

/**
 * Request hygiene before any route runs (hostile case "Foreign request"), and the Content-Security-Policy
 * of every page. Authorisation is NOT done here: every use-case checks its own permissions.
 *  - `x-middleware-subrequest` is Next's internal header (CVE-2025-29927): never from outside.
 *  - State-changing requests must come from our own origin. Server actions carry Next's
 *    own origin check; this covers route handlers too. Webhooks and cron calls are
 *    machine-to-machine and authenticate by signature / bearer secret instead.
 */
const originExempt = ['/api/livekit/webhook', '/api/cron/'];

export function proxy(request: NextRequest) {
  const exempt = originExempt.some((prefix) => request.nextUrl.pathname.startsWith(prefix));
  const problem = requestHygieneProblem(request.method, request.headers);
  if (problem === 'internal-header') {
    return NextResponse.json({ error: { code: 'FORBIDDEN', message: 'Forbidden header' } }, { status: 403 });
  }
  if (problem === 'cross-origin' && !exempt) {
    return NextResponse.json({ error: { code: 'FORBIDDEN', message: 'Cross-origin or origin-less requests that change state are refused.' } }, { status: 403 });
  }
  return withContentSecurityPolicy(request);
}

/**
 * A fresh nonce per request: on the forwarded request, where Next finds it and puts it on
 * its scripts, and as the response's policy.
 */
function withContentSecurityPolicy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === 'development',
    liveKitUrl: env.LIVEKIT_PUBLIC_URL ?? env.LIVEKIT_URL,
    oidcIssuer: env.OIDC_ISSUER,
  });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Streaming uploads are left out: Next would buffer their bodies for the proxy. Those
  // routes run the same checks themselves (lib/http/request-hygiene.ts).
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|api/ceremonies/[^/]+/documents/?$|api/ceremonies/[^/]+/full-powers/?$|api/ceremonies/[^/]+/photo/?$|api/archive/verify/?$).*)',
  ],
};
