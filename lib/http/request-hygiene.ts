/**
 * Request hygiene (hostile case "Foreign request"), shared by `proxy.ts` and the routes the proxy must
 * not wrap: Next buffers a request body in memory whenever the proxy runs on a route
 * (and truncates it past `proxyClientMaxBodySize`), so streaming uploads are excluded from
 * the proxy's matcher and call this themselves before reading a byte.
 */

export type HygieneProblem = 'internal-header' | 'cross-origin';

export function requestHygieneProblem(method: string, headers: Headers): HygieneProblem | null {
  // Next's internal header (CVE-2025-29927): never accepted from outside.
  if (headers.has('x-middleware-subrequest')) return 'internal-header';
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return null;
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return origin !== null && host !== null && new URL(origin).host === host ? null : 'cross-origin';
  } catch {
    return 'cross-origin';
  }
}
