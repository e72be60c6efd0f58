import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { loadLatestRevision } from '@/lib/documents/load-latest-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony, createUser } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: string | null; locale: null } }));
vi.mock('@/lib/auth', () => ({ getSessionUser: async () => session.user }));

const { GET } = await import('@/app/api/ceremonies/[id]/documents/[documentId]/revision/route');

function get(ceremonyId: string, documentId: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/documents/${documentId}/revision`, { headers }), {
    params: Promise.resolve({ id: ceremonyId, documentId }),
  });
}

afterEach(() => {
  session.user = null;
});

describe("the room viewer's newest revision", () => {
  it('serves the newest revision with its SHA-256 as ETag, and 304 while it is still the newest', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const documentId = c.documentIds[0]!;
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    session.user = { id: signer.userId, email: 'signer@example.test', name: signer.signer, globalRole: null, locale: null };

    const prepared = await get(c.ceremonyId, documentId);
    expect(prepared.status).toBe(200);
    const preparedBytes = new Uint8Array(await prepared.arrayBuffer());
    expect(prepared.headers.get('etag')).toBe(`"${sha256Hex(preparedBytes)}"`);
    expect(prepared.headers.get('x-accord-revision')).toBe('1');
    expect(prepared.headers.get('cache-control')).toBe('private, no-cache');

    const unchanged = await get(c.ceremonyId, documentId, { 'if-none-match': prepared.headers.get('etag')! });
    expect(unchanged.status).toBe(304);

    await signAgreement({
      ceremonyId: c.ceremonyId,
      documentId,
      userId: signer.userId,
      idempotencyKey: `key-${randomUUID()}`,
      capture: { typed: signer.signer },
    });
    const signed = await get(c.ceremonyId, documentId, { 'if-none-match': prepared.headers.get('etag')! });
    expect(signed.status).toBe(200);
    const signedBytes = new Uint8Array(await signed.arrayBuffer());
    const newest = await readRevisionBytes({ documentId });
    expect(Buffer.from(signedBytes).equals(Buffer.from(newest.bytes))).toBe(true);
    expect(signed.headers.get('etag')).toBe(`"${newest.revision.sha256}"`);
    expect(signed.headers.get('x-accord-revision')).toBe('2');
    // The earlier revision is a byte-identical prefix of the one the viewer now shows.
    expect(Buffer.from(signedBytes.subarray(0, preparedBytes.length)).equals(Buffer.from(preparedBytes))).toBe(true);
  });

  it('gives the press no bytes before the pages are released, then serves them', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const documentId = c.documentIds[0]!;
    session.user = { id: c.observerId, email: 'press@example.test', name: 'Press', globalRole: null, locale: null };
    const refused = await get(c.ceremonyId, documentId);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/json/);
    await expect(loadLatestRevision({ ceremonyId: c.ceremonyId, documentId, userId: c.observerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { pagesReleasedAt: new Date() } });
    expect((await get(c.ceremonyId, documentId)).status).toBe(200);
  });

  it('serves the press once the ceremony is concluded, even without a release', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'CONCLUDED', concludedAt: new Date() } });
    const latest = await loadLatestRevision({ ceremonyId: c.ceremonyId, documentId: c.documentIds[0]!, userId: c.observerId });
    expect(latest.kind).toBe('bytes');
  });

  it('answers NOT_FOUND to outsiders and for another ceremony’s document (hostile case "Cross-ceremony access")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const other = await createSigningCeremony({ order: 'parallel' });
    const outsider = await createUser();
    session.user = { id: outsider.id, email: outsider.email, name: outsider.name ?? 'Outsider', globalRole: null, locale: null };
    expect((await get(c.ceremonyId, c.documentIds[0]!)).status).toBe(404);
    // A participant of A asking for B's document through A's id.
    session.user = { id: c.parties[0]!.userId, email: 'signer@example.test', name: 'Signer', globalRole: null, locale: null };
    expect((await get(c.ceremonyId, other.documentIds[0]!)).status).toBe(404);
    session.user = null;
    expect((await get(c.ceremonyId, c.documentIds[0]!)).status).toBe(401);
  });
});
