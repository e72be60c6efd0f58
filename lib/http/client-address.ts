import { isIP } from 'node:net';

/**
 * The client's address from X-Forwarded-For, trusting exactly `trustedProxyHops` proxies
 * (TRUSTED_PROXY_HOPS). Each trusted proxy appends the address it received the request
 * from, so the client is the hops-th entry from the right; everything left of it is
 * whatever the client chose to send and is ignored.
 *
 * Returns null when no trustworthy address exists:
 *  - 0 hops: nothing in front of the app vouches for the header. `next start` only fills
 *    X-Forwarded-For from the socket when the request has none (`??=` in Next's
 *    base-server), so a client's own value reaches the app unchanged and cannot be told
 *    apart from the socket address. X-Real-IP is never read: no proxy is guaranteed to
 *    overwrite it.
 *  - the entry at that position is empty or not an IP address.
 *
 * Fewer entries than hops means the request passed fewer proxies than configured, each of
 * which appended a real peer address: the leftmost entry is then the nearest to the client.
 */
export function clientAddressFromForwardedFor(forwardedFor: string | null | undefined, trustedProxyHops: number): string | null {
  if (trustedProxyHops <= 0 || !forwardedFor) return null;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  return normalizedAddress(entries[Math.max(entries.length - trustedProxyHops, 0)] ?? '');
}

/** `[2001:db8::1]:443` → `2001:db8::1`, `203.0.113.9:5123` → `203.0.113.9`, `::ffff:10.0.0.1` → `10.0.0.1`. */
function normalizedAddress(entry: string): string | null {
  // Some proxies append the peer's port: left in, every new connection would be a new rate-limit key.
  let address = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? entry.replace(/^([\d.]+):\d+$/, '$1');
  address = address.toLowerCase();
  if (address.startsWith('::ffff:') && isIP(address.slice('::ffff:'.length)) === 4) address = address.slice('::ffff:'.length);
  return isIP(address) === 0 ? null : address;
}

/** A client's rate-limit keys: its trusted address, or none (see clientRateLimitKeys in lib/auth.ts). */
export function rateLimitKeysForAddress(address: string | null): string[] {
  return address ? [`client:${address}`] : [];
}

/**
 * The address a signing's evidence records. Behind the trusted proxies it is the client's
 * address. With none configured the app cannot vouch for any address, but a browser never
 * sends X-Forwarded-For itself, so the value `next start` filled in from the socket is
 * usually the truth: it is recorded, marked so that nobody reads it as verified.
 */
export function evidenceAddressFromForwardedFor(forwardedFor: string | null | undefined, trustedProxyHops: number): string {
  const trusted = clientAddressFromForwardedFor(forwardedFor, trustedProxyHops);
  if (trusted) return trusted;
  if (trustedProxyHops > 0) return '';
  const reported = clientAddressFromForwardedFor(forwardedFor, 1);
  return reported ? `${reported} (unverified)` : '';
}
