import { createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOidcProvider, testOidcIssuer, UNVERIFIED_LOGIN_PREFIX } from '@/e2e/support/oidc-provider';
import { decideSignIn, UNVERIFIED_EMAIL_PAGE } from '@/lib/users/decide-sign-in';
import { sha256Bytes } from '@/lib/crypto/sha256';

/**
 * The OpenID provider the OIDC e2e signs in through, exercised here without a browser: its
 * discovery document, and the authorization-code flow Auth.js runs (PKCE, state, nonce),
 * with its own login screen, down to the ID token whose claims decideSignIn judges.
 */

const client = { clientId: 'accord-test', clientSecret: 'accord-test-oidc-secret-0123456789', redirectUri: 'http://localhost:3999/api/auth/callback/oidc' };
let server: Server;
let issuer: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  issuer = testOidcIssuer(port);
  server = await startTestOidcProvider({ port, clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [client.redirectUri] });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A browser's cookie jar, reduced to what one provider origin needs. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }
  get header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function step(url: string, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header } });
  jar.take(response);
  return response;
}

function location(response: Response, from: string): string {
  const target = response.headers.get('location');
  expect(target, `${response.status} from ${from}`).toBeTruthy();
  return new URL(target!, from).toString();
}

/** The authorization-code flow as Auth.js runs it, a person typing `login` on the provider's login screen. */
async function signInThroughProvider(login: string) {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: base64url(sha256Bytes(verifier)),
    code_challenge_method: 'S256',
  }).toString();

  const jar = new CookieJar();
  const toInteraction = location(await step(authorize.toString(), jar), authorize.toString());
  const loginScreen = await step(toInteraction, jar);
  expect(loginScreen.status).toBe(200);
  const html = await loginScreen.text();
  expect(html).toContain('name="login"');
  const formAction = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'), toInteraction).toString();
  const submitted = await step(formAction, jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  });
  const resume = location(submitted, formAction);
  const callback = new URL(location(await step(resume, jar), resume));
  expect(`${callback.origin}${callback.pathname}`).toBe(client.redirectUri);
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(issuer);
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();

  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUri, code_verifier: verifier }).toString(),
  });
  expect(tokenResponse.status).toBe(200);
  const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string; token_type: string };
  return { discovery, nonce, claims: await verifiedIdTokenClaims(tokens.id_token, discovery) };
}

/** Checks the ID token's signature against the provider's published keys, then returns its claims. */
async function verifiedIdTokenClaims(idToken: string, discovery: Discovery): Promise<Record<string, unknown>> {
  const [header, payload, signature] = idToken.split('.') as [string, string, string];
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string; kid?: string };
  expect(alg).toBe('RS256');
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid?: string })[] };
  const jwk = keys.find((key) => key.kid === kid && key.kty === 'RSA');
  expect(jwk).toBeDefined();
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk!, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

describe('the test OpenID provider', () => {
  it('publishes a discovery document for the authorization-code flow with PKCE', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Discovery & { response_types_supported: string[]; claims_supported: string[] };
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.response_types_supported).toContain('code');
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(['email', 'email_verified']));
  });

  it('signs a verified address in: the ID token says email_verified, and the app links it to the invited user', async () => {
    const { claims, nonce } = await signInThroughProvider('katrin.weiss@lni40.example');
    expect(claims).toMatchObject({ iss: issuer, aud: client.clientId, nonce, email: 'katrin.weiss@lni40.example', email_verified: true });
    expect(decideSignIn({ providerType: 'oidc', email: claims.email as string, emailVerified: claims.email_verified, knownUser: true })).toEqual({
      allow: true,
    });
  });

  it('reports an unverified address as such, and the app refuses to link it', async () => {
    const { claims } = await signInThroughProvider(`${UNVERIFIED_LOGIN_PREFIX}katrin.weiss@lni40.example`);
    expect(claims).toMatchObject({ email: 'katrin.weiss@lni40.example', email_verified: false });
    expect(decideSignIn({ providerType: 'oidc', email: claims.email as string, emailVerified: claims.email_verified, knownUser: true })).toEqual({
      allow: false,
      redirectTo: UNVERIFIED_EMAIL_PAGE,
    });
  });

  it("refuses a redirect URI it was not given (so the e2e config must name the app's callback)", async () => {
    const authorize = new URL(`${issuer}/auth`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: 'http://evil.example/callback',
      scope: 'openid',
    }).toString();
    const response = await fetch(authorize, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });
});
