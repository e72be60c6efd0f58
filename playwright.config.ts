import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

/**
 * E2E against real parts: the built app (next start) on a throwaway database, a real SMTP
 * receiver, Debian's Chromium with fake camera/microphone. No browser is downloaded.
 */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
// The real OpenID provider the OIDC sign-in spec goes through (e2e/support/oidc-provider.ts).
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3900);
const oidcClient = { id: 'accord-e2e', secret: 'accord-e2e-oidc-client-secret-0123456789abcdef' };
export const mailDir = process.env.E2E_MAIL_DIR ?? 'e2e/.artifacts/mail';
// Production mode refuses the public development LiveKit pair: one random pair per run, in
// process.env so that the LiveKit server, the app, the workers (which load this file again)
// and the scripts the specs start all agree on it.
const livekitPair = {
  LIVEKIT_API_KEY: (process.env.LIVEKIT_API_KEY ??= 'accord-e2e'),
  LIVEKIT_API_SECRET: (process.env.LIVEKIT_API_SECRET ??= randomBytes(32).toString('hex')),
};

const appEnv = {
  NODE_ENV: 'production',
  // Next reports 127.0.0.1 as "localhost" to Auth.js: use that name, or the session cookie's host differs.
  APP_URL: `http://localhost:${appPort}`,
  AUTH_SECRET: 'e2e-auth-secret-0123456789abcdef0123456789',
  AUTH_TRUST_HOST: 'true',
  CRON_SECRET: 'e2e-cron-secret',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  ...livekitPair,
  EMAIL_FROM: 'Accord <no-reply@accord.test>',
  // Tests sign several people in from one address; the limit itself has its own test.
  RATE_LIMIT_PER_MINUTE: '200',
  // The tests play the one trusted proxy: the rate-limit test names its client in
  // X-Forwarded-For; everything else gets the socket address Next writes there.
  TRUSTED_PROXY_HOPS: '1',
  E2E_MAIL_DIR: mailDir,
  OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
  OIDC_CLIENT_ID: oidcClient.id,
  OIDC_CLIENT_SECRET: oidcClient.secret,
  OIDC_NAME: process.env.E2E_OIDC_NAME ?? 'Test Identity Provider',
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['camera', 'microphone'],
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      // The real LiveKit server (scripts/livekit/install.sh builds it); webhooks go to the app.
      command: 'bash scripts/livekit/start.sh --foreground',
      url: 'http://127.0.0.1:7880/',
      reuseExistingServer: false,
      timeout: 60_000,
      env: { APP_URL: `http://127.0.0.1:${appPort}`, ...livekitPair },
    },
    {
      command: 'npx tsx e2e/support/smtp-receiver.ts',
      port: smtpPort,
      reuseExistingServer: false,
      env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAIL_DIR: mailDir },
    },
    {
      command: 'npx tsx e2e/support/oidc-provider.ts',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: {
        E2E_OIDC_PORT: String(oidcPort),
        E2E_OIDC_CLIENT_ID: oidcClient.id,
        E2E_OIDC_CLIENT_SECRET: oidcClient.secret,
        // Auth.js names its callback after the host the browser used (baseURL below).
        E2E_OIDC_REDIRECT_URI: `http://localhost:${appPort}/api/auth/callback/oidc`,
      },
    },
    {
      command: 'bash e2e/support/start-app.sh',
      url: `http://127.0.0.1:${appPort}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        ...appEnv,
        E2E_APP_PORT: String(appPort),
        E2E_SKIP_BUILD: process.env.E2E_SKIP_BUILD ?? '0',
        ...(process.env.E2E_DATABASE_URL ? { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      },
      stdout: 'pipe',
    },
  ],
});
