// Not in the package's exports: read from its file, to compare with the normaliser Auth.js really runs.
import { defaultNormalizer } from '../../node_modules/@auth/core/lib/actions/signin/send-token.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetRateLimits } from '@/lib/rate-limit';
import { normalizeSignInEmail } from '@/lib/users/normalize-sign-in-email';

// Both endpoints that send a magic link, with Auth.js itself replaced by a recorder.
const authjs = vi.hoisted(() => ({ posts: 0, signIns: [] as string[] }));
vi.mock('@/lib/auth', () => ({
  handlers: {
    GET: async () => new Response(null, { status: 404 }),
    POST: async () => {
      authjs.posts += 1;
      return new Response(null, { status: 302, headers: { location: '/check-email' } });
    },
  },
  clientRateLimitKeys: () => [],
  requestClientRateLimitKeys: async () => [],
  signIn: async (_provider: string, options: { email: string }) => {
    authjs.signIns.push(options.email);
  },
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
  unstable_rethrow: () => undefined,
}));

const { POST } = await import('@/app/api/auth/[...nextauth]/route');
const { requestMagicLink } = await import('@/app/(auth)/sign-in/actions');

const LIMIT = 10;

function authjsSignIn(email: string, path = '/api/auth/signin/nodemailer') {
  const body = new URLSearchParams({ email, csrfToken: 't', callbackUrl: '/' });
  const request = new Request(`http://localhost:3000${path}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return POST(Object.assign(request, { nextUrl: new URL(request.url) }) as never);
}

async function formSignIn(email: string) {
  const form = new FormData();
  form.set('email', email);
  form.set('callbackUrl', '/');
  return requestMagicLink(null, form).catch((error: unknown) => error);
}

beforeEach(() => {
  authjs.posts = 0;
  authjs.signIns = [];
});
afterEach(() => resetRateLimits());

describe('normalizeSignInEmail', () => {
  it.each(['anna@example.org', 'Anna.Schmidt@Example.ORG', '  kim@example.kr  ', 'a+tag@sub.example.org'])('agrees with Auth.js on %j', (email) => {
    expect(normalizeSignInEmail(email)).toBe(defaultNormalizer(email));
  });

  it.each([
    ['a comma in the domain (Auth.js drops what follows)', 'victim@x.com,1'],
    ['a comma and a second address', 'victim@x.com,attacker@evil.example'],
    ['a full-width at sign (NFKC makes it @)', 'victim＠x.com'],
    ['full-width letters (NFKC rewrites them)', 'ｖictim@x.com'],
    ['a quoted local part', '"attacker@evil"@x.com'],
    ['two at signs', 'a@b@x.com'],
    ['no domain', 'victim@'],
    ['not an address', 'victim'],
    ['not a string', 42],
  ])('refuses %s', (_case, email) => {
    expect(() => normalizeSignInEmail(email)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('the magic-link limit counts the address Auth.js sends to', () => {
  it('Auth.js route: after the limit, "victim@x.com,1" is refused (400) and never reaches Auth.js', async () => {
    for (let i = 0; i < LIMIT; i += 1) expect((await authjsSignIn('victim@x.com')).status).toBe(302);
    const rewritten = await authjsSignIn('victim@x.com,1');
    expect(rewritten.status).toBe(400);
    expect((await rewritten.json()).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('email address') });
    expect((await authjsSignIn('VICTIM@X.COM')).status).toBe(429);
    expect(authjs.posts).toBe(LIMIT);
  });

  it('Auth.js route: a path spelled with extra slashes is checked too', async () => {
    expect((await authjsSignIn('victim@x.com,1', '/api/auth/signin/nodemailer/')).status).toBe(400);
    expect((await authjsSignIn('victim@x.com,1', '/api/auth//signin//nodemailer')).status).toBe(400);
    expect(authjs.posts).toBe(0);
  });

  it("sign-in form: the rewritten address is refused with the form's message and sends nothing", async () => {
    expect(await formSignIn('victim@x.com,1')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { email: 'invalidEmail' },
      values: { email: 'victim@x.com,1' },
    });
    for (let i = 0; i < LIMIT; i += 1) await formSignIn('victim@x.com');
    expect(await formSignIn(' Victim@X.com ')).toMatchObject({ ok: false, code: 'RATE_LIMITED', reason: 'rate-limited', values: { email: 'victim@x.com' } });
    expect(authjs.signIns).toEqual(Array.from({ length: LIMIT }, () => 'victim@x.com'));
  });

  it('the form and the Auth.js route share one count per address', async () => {
    for (let i = 0; i < LIMIT; i += 1) await formSignIn('victim@x.com');
    expect((await authjsSignIn('victim@x.com')).status).toBe(429);
  });
});
