import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { env } from '@/lib/env';
import { DOWNLOADS_PER_LIMIT } from '@/lib/rate-limit';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'member'; locale: null } }));
vi.mock('@/lib/auth', () => ({ getSessionUser: async () => session.user }));

const archiveRoute = await import('@/app/api/archive/[id]/download/[artefact]/route');
const originalRoute = await import('@/app/api/ceremonies/[id]/documents/[documentId]/file/route');
const transmittalRoute = await import('@/app/api/ceremonies/[id]/transmittal/[format]/route');

const as = (userId: string) => {
  session.user = { id: userId, email: `${userId}@test.example`, name: 'Caller', globalRole: 'member', locale: null };
};
const get = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

afterEach(() => {
  session.user = null;
});

describe('heavy downloads are rate-limited per user', () => {
  it('the archive, the original document and the transmittal share one per-user allowance; the next one gets 429', async () => {
    const c = await createConcludedCeremony();
    const allowance = env.RATE_LIMIT_PER_MINUTE * DOWNLOADS_PER_LIMIT;
    const archive = () =>
      archiveRoute.GET(get(`/api/archive/${c.ceremonyId}/download/audit-log-json`), {
        params: Promise.resolve({ id: c.ceremonyId, artefact: 'audit-log-json' }),
      });
    const original = () =>
      originalRoute.GET(get(`/api/ceremonies/${c.ceremonyId}/documents/${c.documentId}/file`), {
        params: Promise.resolve({ id: c.ceremonyId, documentId: c.documentId }),
      });
    const transmittal = () =>
      transmittalRoute.GET(get(`/api/ceremonies/${c.ceremonyId}/transmittal/json`), { params: Promise.resolve({ id: c.ceremonyId, format: 'json' }) });

    as(c.organiserId);
    expect((await transmittal()).status).toBe(200);
    expect((await original()).status).toBe(200);
    for (let i = 2; i < allowance; i += 1) expect((await archive()).status).toBe(200);
    for (const route of [archive, original, transmittal]) {
      const refused = await route();
      expect(refused.status).toBe(429);
      expect((await refused.json()).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Too many requests') });
    }

    // Someone else's allowance is their own.
    as(c.observerId);
    expect((await original()).status).toBe(200);
  });
});
