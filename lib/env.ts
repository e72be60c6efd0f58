import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once, on first use; `instrumentation.ts` calls
 * `loadEnv()` at server start so a malformed variable stops the server with its name,
 * instead of failing on some later request.
 */

const DEV_LIVEKIT_KEY = 'accord-dev';
const DEV_LIVEKIT_SECRET = 'accord-development-livekit-secret-change-me-0123456789abcdef';
const DEV_AUTH_SECRET = 'accord-development-auth-secret-do-not-use-in-production';
const DEV_CRON_SECRET = 'accord-development-cron-secret';
const TRUSTED_PROXY_HOPS_MESSAGE = 'must be 0 (no proxy in front) or the number of proxies that append to X-Forwarded-For';

const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Set by Next while it builds: runtime secrets are not needed then. */
    NEXT_PHASE: z.string().optional(),
    /** `file:./data/accord.db` (SQLite, the default) or `postgresql://…` */
    DATABASE_URL: z
      .string()
      .default('file:./data/accord.db')
      .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), 'must start with file: (SQLite) or postgresql:// (PostgreSQL)'),
    /** Public base URL of the app, used in emailed links. */
    APP_URL: z.url().default('http://localhost:3000'),
    AUTH_SECRET: optionalNonEmpty,
    AUTH_TRUST_HOST: booleanString.default(true),
    /** smtp://user:pass@host:port; unset → links go to the server log and /dev/outbox */
    SMTP_URL: optionalNonEmpty.pipe(z.url().optional()),
    EMAIL_FROM: z.string().min(3).default('Accord <no-reply@accord.localhost>'),
    OIDC_ISSUER: optionalNonEmpty.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalNonEmpty,
    OIDC_CLIENT_SECRET: optionalNonEmpty,
    OIDC_NAME: z.string().default('Single sign-on'),
    LIVEKIT_URL: z
      .string()
      .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
      .default('ws://127.0.0.1:7880'),
    LIVEKIT_API_KEY: z.string().min(3).default(DEV_LIVEKIT_KEY),
    LIVEKIT_API_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_LIVEKIT_SECRET),
    /** The URL browsers connect to, when it differs from the server's LIVEKIT_URL (proxy, container network). */
    LIVEKIT_PUBLIC_URL: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
        .optional(),
    ),
    /** Largest accepted upload in bytes (agreements, full powers, verify). */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 1024 * 1024),
    /** PEM private key + certificate (+ chain) of the platform signing identity. */
    SIGNING_KEY_PEM: optionalNonEmpty,
    SIGNING_CERT_PEM: optionalNonEmpty,
    SIGNING_CHAIN_PEM: optionalNonEmpty,
    /** Or a PKCS#12 file, base64, with its passphrase. */
    SIGNING_P12_BASE64: optionalNonEmpty,
    SIGNING_P12_PASSPHRASE: z.string().default(''),
    /** RFC 3161 timestamp authority; set → signatures are PAdES B-T, and signing fails if it fails. */
    TSA_URL: optionalNonEmpty.pipe(z.url().optional()),
    /** Bearer secret for /api/cron/* routes. */
    CRON_SECRET: optionalNonEmpty,
    /** Keep concluded artefacts this many days; unset = forever. */
    RETENTION_DAYS: optionalNonEmpty.pipe(z.string().regex(/^\d+$/, 'must be a whole number of days').transform(Number).optional()),
    /** Enables the routes and reference pages that bench/ measures (also on with ACCORD_DEV_TOOLS). */
    ACCORD_BENCH: booleanString.default(false),
    /**
     * Enables /dev/outbox (signed-in users only) and the development sign-in helpers; on by
     * default outside production. In production only when set, and then required without SMTP_URL.
     */
    ACCORD_DEV_TOOLS: booleanString.optional(),
    /** Requests per minute per client for magic links / uploads / tokens / signing. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
    /**
     * Proxies in front of the app that append to X-Forwarded-For; the client is that many
     * entries from the right. 0: none, the header is the client's to forge and is ignored.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: TRUSTED_PROXY_HOPS_MESSAGE }).int(TRUSTED_PROXY_HOPS_MESSAGE).min(0, TRUSTED_PROXY_HOPS_MESSAGE).default(0),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
      for (const name of ['AUTH_SECRET', 'CRON_SECRET'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
      }
      // The development pair is public (it is in this file): anyone could mint room tokens with it.
      if (env.LIVEKIT_API_KEY === DEV_LIVEKIT_KEY) {
        ctx.addIssue({ code: 'custom', path: ['LIVEKIT_API_KEY'], message: 'is the development key; set your own key pair in production' });
      }
      if (env.LIVEKIT_API_SECRET === DEV_LIVEKIT_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['LIVEKIT_API_SECRET'],
          message: 'is the development secret; set a random secret of at least 32 characters in production',
        });
      }
      // Without SMTP every sign-in link is printed to the log and kept for /dev/outbox.
      if (!env.SMTP_URL && env.ACCORD_DEV_TOOLS !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['SMTP_URL'],
          message: 'is required in production (without it sign-in links go to the server log); set ACCORD_DEV_TOOLS=true to run without email on purpose',
        });
      }
    }
    if (Boolean(env.SIGNING_KEY_PEM) !== Boolean(env.SIGNING_CERT_PEM)) {
      ctx.addIssue({ code: 'custom', path: ['SIGNING_CERT_PEM'], message: 'SIGNING_KEY_PEM and SIGNING_CERT_PEM go together' });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together' });
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    CRON_SECRET: env.CRON_SECRET ?? DEV_CRON_SECRET,
    ACCORD_DEV_TOOLS: env.ACCORD_DEV_TOOLS ?? env.NODE_ENV !== 'production',
    databaseProvider: env.DATABASE_URL.startsWith('file:') ? ('sqlite' as const) : ('postgresql' as const),
    usingDevelopmentLiveKitSecret: env.LIVEKIT_API_SECRET === DEV_LIVEKIT_SECRET,
  }));

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Parses a variables object; exported for tests and scripts. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function loadEnv(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // Auth.js builds its links and redirects from AUTH_URL when set, else from the request,
    // whose host Next may report as "localhost": pin it to the public APP_URL.
    process.env.AUTH_URL ??= cached.APP_URL;
  }
  return cached;
}

/** Lazily parsed so that `next build` does not need runtime secrets. */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => loadEnv()[key as keyof Env],
});
