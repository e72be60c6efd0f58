import { describe, expect, it } from 'vitest';
import { safeRedirectPath, safeRedirectUrl } from '@/lib/http/safe-redirect-path';

describe('safeRedirectPath', () => {
  it.each([
    '/',
    '/ceremonies/c123',
    '/ceremonies/c123/room?tab=people#signing',
    '/archive?q=Industrie%204.0',
    '/archive?q=%EA%B3%B5%EB%8F%99',
    '/sign-in?callbackUrl=%2Fceremonies%2Fc1',
  ])('keeps the same-site path %s', (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/ceremonies'],
    ['backslash', '/\\evil.example'],
    ['double backslash', '\\\\evil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['encoded backslash, lower case', '/%5cevil.example'],
    ['encoded slash', '/%2Fevil.example'],
    ['double-encoded slash', '/%252Fevil.example'],
    ['triple-encoded backslash', '/%25255Cevil.example'],
    ['backslash later in the path', '/ceremonies\\..\\..\\evil'],
    ['absolute http URL', 'http://evil.example/'],
    ['absolute https URL', 'https://evil.example'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data scheme', 'data:text/html,<script>alert(1)</script>'],
    ['scheme-relative without slash', 'evil.example'],
    ['tab inside the slashes', '/\t/evil.example'],
    ['newline inside the slashes', '/\n/evil.example'],
    ['CR inside the slashes', '/\r/evil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded newline', '/%0A/evil.example'],
    ['NUL', '/ceremonies%00'],
    ['C1 control', '/\u0085/evil.example'],
    ['leading space', ' /ceremonies'],
    ['space before slashes', '/ //evil.example'],
    ['malformed escape', '/%E0%A4%A'],
    ['user info trick', '//user@evil.example'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(5000)}`],
  ])('refuses %s (%j)', (_name, path) => {
    expect(safeRedirectPath(path)).toBe('/');
  });

  it('refuses what is not a string, and uses the given fallback', () => {
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(['/a'])).toBe('/');
    expect(safeRedirectPath('//evil.example', '/archive')).toBe('/archive');
  });
});

describe('safeRedirectUrl', () => {
  const base = 'http://localhost:3000';
  it.each([
    ['/ceremonies/c1', `${base}/ceremonies/c1`],
    [`${base}/ceremonies/c1`, `${base}/ceremonies/c1`],
    [base, `${base}/`],
    [`${base}/\\evil.example`, `${base}/`],
    [`${base}.evil.example/`, `${base}/`],
    ['https://evil.example/', `${base}/`],
    ['/%5Cevil.example', `${base}/`],
  ])('%s → %s', (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
});
