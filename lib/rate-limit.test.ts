import { afterEach, describe, expect, it, vi } from 'vitest';
import { enforceRateLimit, resetRateLimits } from '@/lib/rate-limit';

afterEach(() => {
  resetRateLimits();
  vi.useRealTimers();
});

describe('enforceRateLimit', () => {
  it('refuses the request after the limit with RATE_LIMITED, per key', () => {
    for (let n = 0; n < 3; n++) enforceRateLimit('magic-link', ['address:a@x', 'client:1.2.3.4'], 3);
    expect(() => enforceRateLimit('magic-link', ['address:a@x', 'client:9.9.9.9'], 3)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    expect(() => enforceRateLimit('magic-link', ['address:b@x', 'client:1.2.3.4'], 3)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    expect(() => enforceRateLimit('magic-link', ['address:b@x', 'client:9.9.9.9'], 3)).not.toThrow();
  });

  it('does not count refused requests, keeps actions apart, and opens again after a minute', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
    enforceRateLimit('upload', ['user:u'], 1);
    expect(() => enforceRateLimit('upload', ['user:u'], 1)).toThrow(/wait 60 seconds/);
    expect(() => enforceRateLimit('sign', ['user:u'], 1)).not.toThrow();
    vi.setSystemTime(new Date('2026-11-24T10:01:00Z'));
    expect(() => enforceRateLimit('upload', ['user:u'], 1)).not.toThrow();
  });
});
