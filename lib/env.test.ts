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

  it('turns dev tools off in production unless asked', () => {
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 's', CRON_SECRET: 'c' }).ACCORD_DEV_TOOLS).toBe(false);
  });
});
