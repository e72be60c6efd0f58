import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider for the tests: `oidc-provider` (a certified OpenID Connect
 * implementation) with its development login screen, bound to 127.0.0.1.
 *
 * Whoever signs in types a login; it becomes their account. The login is the email
 * address the provider reports, verified (`email_verified: true`), unless it starts with
 * `unverified:`: then the address after it is reported with `email_verified: false`, as
 * a provider does for an address someone registered without confirming it.
 *
 *   npx tsx e2e/support/oidc-provider.ts   (E2E_OIDC_PORT, E2E_OIDC_CLIENT_ID,
 *   E2E_OIDC_CLIENT_SECRET, E2E_OIDC_REDIRECT_URI; defaults below)
 */

export const UNVERIFIED_LOGIN_PREFIX = 'unverified:';

export interface TestOidcProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export function testOidcIssuer(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function claimsOfLogin(login: string) {
  const unverified = login.startsWith(UNVERIFIED_LOGIN_PREFIX);
  const email = (unverified ? login.slice(UNVERIFIED_LOGIN_PREFIX.length) : login).trim();
  return { sub: login, email, email_verified: !unverified, name: email.split('@')[0] ?? email };
}

export function createTestOidcProvider({ port, clientId, clientSecret, redirectUris }: TestOidcProviderOptions): Provider {
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Auth.js reads the profile from the ID token: put the scopes' claims there too.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => claimsOfLogin(sub) }),
    // A first-party client: no consent screen; the grant covers what it asked for.
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['accord-test-oidc-provider-cookie-key'] },
  };
  const provider = new Provider(testOidcIssuer(port), configuration);
  // Its own warnings about development keys and interactions are expected here.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
  return provider;
}

export function startTestOidcProvider(options: TestOidcProviderOptions): Promise<Server> {
  const provider = createTestOidcProvider(options);
  return new Promise((resolve, reject) => {
    const server = provider.listen(options.port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const port = Number(process.env.E2E_OIDC_PORT ?? 3900);
  const redirectUri = process.env.E2E_OIDC_REDIRECT_URI ?? 'http://localhost:3100/api/auth/callback/oidc';
  const server = await startTestOidcProvider({
    port,
    clientId: process.env.E2E_OIDC_CLIENT_ID ?? 'accord-e2e',
    clientSecret: process.env.E2E_OIDC_CLIENT_SECRET ?? 'accord-e2e-oidc-client-secret',
    redirectUris: [redirectUri],
  });
  console.log(`OpenID provider at ${testOidcIssuer(port)} for ${redirectUri}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
