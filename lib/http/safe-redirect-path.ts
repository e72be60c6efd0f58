/**
 * The one reader of a redirect target that came from a request (callbackUrl, returnTo):
 * a path on this site, or the fallback. Browsers treat `\` like `/`, ignore tabs and line
 * breaks inside URLs and follow `//host` to another site, and a target may be
 * percent-encoded once more before it is used, so every decoded form is checked too.
 */
const MAX_LENGTH = 2048;
const BASE = 'http://accord.invalid';
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeRedirectPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_LENGTH) return fallback;
  // Links we write are encoded; a raw space or other blank could be trimmed or dropped by a browser.
  if (/\s/.test(candidate)) return fallback;
  let form = candidate;
  for (let round = 0; round < 4; round += 1) {
    if (!isSameSitePath(form)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      return fallback;
    }
    if (decoded === form) return candidate;
    form = decoded;
  }
  // Still encoded after several rounds: nobody writes a link like that.
  return fallback;
}

function isSameSitePath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  if (CONTROL_OR_BACKSLASH.test(path)) return false;
  try {
    return new URL(path, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** For Auth.js's redirect callback: an absolute URL on our origin or a path, else home. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '');
  const path = url.startsWith(`${base}/`) ? url.slice(base.length) : url === base ? '/' : url;
  return `${base}${safeRedirectPath(path)}`;
}
