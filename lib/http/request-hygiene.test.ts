import { describe, expect, it } from 'vitest';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('requestHygieneProblem (hostile case "Foreign request")', () => {
  it('lets same-origin writes and any read through', () => {
    expect(requestHygieneProblem('POST', headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBeNull();
    expect(requestHygieneProblem('GET', headers({ host: 'localhost:3000' }))).toBeNull();
    expect(
      requestHygieneProblem('POST', headers({ origin: 'https://accord.example.org', host: 'internal:3000', 'x-forwarded-host': 'accord.example.org' })),
    ).toBeNull();
  });

  it('refuses foreign or missing origins on writes, and Next’s internal header on anything', () => {
    expect(requestHygieneProblem('POST', headers({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe('cross-origin');
    expect(requestHygieneProblem('POST', headers({ host: 'localhost:3000' }))).toBe('cross-origin');
    expect(requestHygieneProblem('DELETE', headers({ origin: 'null', host: 'localhost:3000' }))).toBe('cross-origin');
    expect(requestHygieneProblem('GET', headers({ 'x-middleware-subrequest': 'middleware', host: 'localhost:3000' }))).toBe('internal-header');
  });
});
