import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';
import { proxy } from '@/proxy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

const base = { nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=', development: false, liveKitUrl: 'ws://127.0.0.1:7880' };

describe('Content-Security-Policy', () => {
  it('lets scripts run only by nonce (and what they load), never inline or eval in production', () => {
    const policy = directives(buildContentSecurityPolicy(base));
    const scripts = policy.get('script-src')!;
    expect(scripts).toContain(`'nonce-${base.nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // A nonce in style-src would make browsers ignore its 'unsafe-inline'.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('allows eval only for the development server', () => {
    expect(directives(buildContentSecurityPolicy({ ...base, development: true })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('lets the LiveKit client reach its server over WebSocket and HTTP, and pdf.js start its worker', () => {
    const local = directives(buildContentSecurityPolicy(base));
    expect(local.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
    const cloud = directives(buildContentSecurityPolicy({ ...base, liveKitUrl: 'wss://accord.livekit.cloud' }));
    expect(cloud.get('connect-src')).toEqual(["'self'", 'wss://accord.livekit.cloud', 'https://accord.livekit.cloud']);
    expect(local.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(local.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('lets the OIDC sign-in form be redirected to the provider, and nowhere else', () => {
    expect(directives(buildContentSecurityPolicy(base)).get('form-action')).toEqual(["'self'"]);
    const withOidc = directives(buildContentSecurityPolicy({ ...base, oidcIssuer: 'https://login.example.org/realms/accord' }));
    expect(withOidc.get('form-action')).toEqual(["'self'", 'https://login.example.org']);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('the proxy sends the policy on the page and hands the same nonce to Next on the request', () => {
    const first = proxy(new NextRequest('http://localhost:3000/ceremonies'));
    const second = proxy(new NextRequest('http://localhost:3000/ceremonies'));
    const policy = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // What NextResponse.next({ request: { headers } }) forwards to the page render.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });
});
