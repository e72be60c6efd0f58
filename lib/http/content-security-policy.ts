/**
 * The Content-Security-Policy of every page, built per request around a fresh nonce
 * (proxy.ts). Next reads the nonce from this header on the request and puts it on its own
 * scripts; pages are rendered per request (the root layout reads cookies), so no cached
 * HTML carries a stale nonce.
 */

export interface ContentSecurityPolicyOptions {
  /** Base64, fresh for every request. */
  nonce: string;
  /** `next dev`: React's development build evaluates code for its stack traces. */
  development: boolean;
  /** The LiveKit URL browsers connect to (ws:// or wss://). */
  liveKitUrl: string;
  /** The OIDC issuer, when configured: signing in submits a form that redirects there. */
  oidcIssuer?: string;
}

export const NONCE_HEADER = 'x-nonce';

/** 16 random bytes, base64: what goes into `'nonce-…'` and the scripts' nonce attribute. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function buildContentSecurityPolicy({ nonce, development, liveKitUrl, oidcIssuer }: ContentSecurityPolicyOptions): string {
  const liveKit = new URL(liveKitUrl);
  // The signalling WebSocket, and the same host over HTTP(S), which livekit-client asks
  // when a connection fails (/rtc/validate). WebRTC media is not governed by CSP.
  const liveKitHttp = `${liveKit.protocol === 'wss:' ? 'https:' : 'http:'}//${liveKit.host}`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // strict-dynamic: scripts that Next's nonced scripts load (its chunks, pdf.js's module)
    // are trusted; a host list would let any same-origin file run. 'self' is only for
    // browsers without strict-dynamic. wasm-unsafe-eval compiles WebAssembly (pdf.js's
    // image decoders) without allowing eval of JavaScript.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'", ...(development ? ["'unsafe-eval'"] : [])],
    // 'unsafe-inline' for styles only, and no nonce here (a nonce would switch it off):
    // LiveKit's components and the video layout set style attributes in server-rendered
    // HTML, and sonner injects its stylesheet as a <style> element at run time. Styles
    // cannot run code; scripts stay nonce-only.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Drawn signatures and page thumbnails are data: and blob: images.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", `${liveKit.protocol}//${liveKit.host}`, liveKitHttp],
    'media-src': ["'self'", 'blob:'],
    // pdf.js starts its worker from the bundled worker file; bundlers may wrap it in a blob: URL.
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    // Form submissions, and the redirects that follow them: OIDC sign-in posts here and is
    // redirected to the provider's authorisation page.
    'form-action': ["'self'", ...(oidcIssuer ? [new URL(oidcIssuer).origin] : [])],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
