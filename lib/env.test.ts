import { describe, expect, it } from 'vitest';
import { InvalidEnvironmentError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('runs on defaults in development: SQLite under data/, dev tools on', () => {
    const env = parseEnv({});
    expect(env.databaseProvider).toBe('sqlite');
    expect(env.DATABASE_URL).toBe('file:./data/accord.db');
    expect(env.ACCORD_DEV_TOOLS).toBe(true);
    expect(env.UPLOAD_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it('picks PostgreSQL from the URL', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://a@127.0.0.1/x' }).databaseProvider).toBe('postgresql');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ UPLOAD_MAX_BYTES: 'lots' }, 'UPLOAD_MAX_BYTES'],
    [{ LIVEKIT_API_SECRET: 'short' }, 'LIVEKIT_API_SECRET'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ OIDC_ISSUER: 'https://id.example' }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production' }, 'AUTH_SECRET'],
    [{ RETENTION_DAYS: '-3' }, 'RETENTION_DAYS'],
    [{ TRUSTED_PROXY_HOPS: '-1' }, 'TRUSTED_PROXY_HOPS'],
    [{ TRUSTED_PROXY_HOPS: 'nginx' }, 'TRUSTED_PROXY_HOPS'],
    [{ TRUSTED_PROXY_HOPS: '1.5' }, 'TRUSTED_PROXY_HOPS'],
  ])('refuses %o, naming %s', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvironmentError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as InvalidEnvironmentError).problems.join('\n')).toContain(variable);
    }
  });

  it('reads the number of trusted proxies', () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  const production = {
    NODE_ENV: 'production',
    AUTH_SECRET: 's',
    CRON_SECRET: 'c',
    SMTP_URL: 'smtp://127.0.0.1:25',
    LIVEKIT_API_KEY: 'APIprodkey',
    LIVEKIT_API_SECRET: 'a-production-secret-of-forty-characters!',
  };

  it('turns dev tools off in production unless asked', () => {
    expect(parseEnv(production).ACCORD_DEV_TOOLS).toBe(false);
    expect(parseEnv({ ...production, ACCORD_DEV_TOOLS: 'true' }).ACCORD_DEV_TOOLS).toBe(true);
  });

  it.each([
    ['the development LiveKit key', { LIVEKIT_API_KEY: undefined }, 'LIVEKIT_API_KEY'],
    ['the development LiveKit secret', { LIVEKIT_API_SECRET: undefined }, 'LIVEKIT_API_SECRET'],
    ['the development LiveKit pair', { LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined }, 'LIVEKIT_API_SECRET'],
    ['a LiveKit secret under 32 characters', { LIVEKIT_API_SECRET: 'x'.repeat(31) }, 'LIVEKIT_API_SECRET'],
    ['no SMTP_URL (links would land in the log)', { SMTP_URL: undefined }, 'SMTP_URL'],
    ['no SMTP_URL with dev tools explicitly off', { SMTP_URL: undefined, ACCORD_DEV_TOOLS: 'false' }, 'SMTP_URL'],
  ])('refuses to start in production with %s, naming the variable', (_case, change, variable) => {
    const source: Record<string, string | undefined> = { ...production, ...change };
    expect(() => parseEnv(source)).toThrow(InvalidEnvironmentError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as InvalidEnvironmentError).problems.some((line) => line.startsWith(`${variable}:`))).toBe(true);
    }
  });

  it('runs in production without SMTP only when ACCORD_DEV_TOOLS is set on purpose', () => {
    expect(parseEnv({ ...production, SMTP_URL: undefined, ACCORD_DEV_TOOLS: 'true' }).SMTP_URL).toBeUndefined();
  });

  it('accepts the development pair and no SMTP outside production, and while next build runs', () => {
    expect(parseEnv({}).LIVEKIT_API_KEY).toBe('accord-dev');
    expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).usingDevelopmentLiveKitSecret).toBe(true);
  });
});
