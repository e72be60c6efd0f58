import { describe, expect, it } from 'vitest';
import { clientAddressFromForwardedFor, evidenceAddressFromForwardedFor, rateLimitKeysForAddress } from '@/lib/http/client-address';

describe('clientAddressFromForwardedFor', () => {
  it('trusts nothing with no proxy in front: the header may be the client’s own', () => {
    expect(clientAddressFromForwardedFor('198.51.100.23', 0)).toBeNull();
    expect(clientAddressFromForwardedFor('203.0.113.9, 198.51.100.23', 0)).toBeNull();
  });

  it('takes the hops-th entry from the right and ignores spoofed entries left of it', () => {
    expect(clientAddressFromForwardedFor('198.51.100.23', 1)).toBe('198.51.100.23');
    expect(clientAddressFromForwardedFor('1.1.1.1, 2.2.2.2, 198.51.100.23', 1)).toBe('198.51.100.23');
    // client → CDN → nginx → app: nginx appends the CDN's address after the client's.
    expect(clientAddressFromForwardedFor('1.1.1.1, 198.51.100.23, 192.0.2.7', 2)).toBe('198.51.100.23');
  });

  it('takes the leftmost entry when there are fewer entries than hops', () => {
    expect(clientAddressFromForwardedFor('198.51.100.23', 2)).toBe('198.51.100.23');
    expect(clientAddressFromForwardedFor('198.51.100.23, 192.0.2.7', 3)).toBe('198.51.100.23');
  });

  it('copes with whitespace and empty entries left by the client', () => {
    expect(clientAddressFromForwardedFor('  198.51.100.23  ', 1)).toBe('198.51.100.23');
    expect(clientAddressFromForwardedFor('1.1.1.1,,198.51.100.23,\t192.0.2.7', 2)).toBe('198.51.100.23');
    expect(clientAddressFromForwardedFor('spoof,, 198.51.100.23', 1)).toBe('198.51.100.23');
  });

  it('reads IPv6, bracketed or with ports, and unwraps IPv4-mapped addresses', () => {
    expect(clientAddressFromForwardedFor('2001:DB8::1', 1)).toBe('2001:db8::1');
    expect(clientAddressFromForwardedFor('[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(clientAddressFromForwardedFor('::1', 1)).toBe('::1');
    expect(clientAddressFromForwardedFor('::ffff:127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddressFromForwardedFor('203.0.113.9:51234', 1)).toBe('203.0.113.9');
  });

  it('gives no address for an empty header or a trusted entry that is not an IP', () => {
    expect(clientAddressFromForwardedFor(null, 1)).toBeNull();
    expect(clientAddressFromForwardedFor(undefined, 1)).toBeNull();
    expect(clientAddressFromForwardedFor('', 1)).toBeNull();
    expect(clientAddressFromForwardedFor('   ', 1)).toBeNull();
    expect(clientAddressFromForwardedFor('198.51.100.23, ', 1)).toBeNull();
    expect(clientAddressFromForwardedFor('unknown', 1)).toBeNull();
    expect(clientAddressFromForwardedFor('198.51.100.23, evil.example', 1)).toBeNull();
  });
});

describe('rateLimitKeysForAddress', () => {
  it('keys a trusted address, and gives no client key (never a shared one) without one', () => {
    expect(rateLimitKeysForAddress('198.51.100.23')).toEqual(['client:198.51.100.23']);
    expect(rateLimitKeysForAddress(null)).toEqual([]);
  });
});

describe('evidenceAddressFromForwardedFor', () => {
  it('records the trusted address as it is, and without trusted proxies the reported one marked unverified', () => {
    expect(evidenceAddressFromForwardedFor('203.0.113.9, 198.51.100.23', 1)).toBe('198.51.100.23');
    expect(evidenceAddressFromForwardedFor('127.0.0.1', 0)).toBe('127.0.0.1 (unverified)');
    expect(evidenceAddressFromForwardedFor('203.0.113.9, 198.51.100.23', 0)).toBe('198.51.100.23 (unverified)');
    expect(evidenceAddressFromForwardedFor('not-an-address', 0)).toBe('');
    expect(evidenceAddressFromForwardedFor(null, 0)).toBe('');
    expect(evidenceAddressFromForwardedFor('garbage', 1)).toBe('');
  });
});
