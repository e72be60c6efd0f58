import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { uploadAgreementDocument } from '@/lib/documents/upload-agreement-document';
import { simplePdf } from '@accord/pdf-signing/testing/fixtures';
import { HOSTILE_PDFS } from '@accord/pdf-signing/testing/hostile-pdfs';
import { createCeremony } from '@/test/factories';

// The route reads the session through lib/auth (Auth.js); here the caller is chosen per test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'organiser'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: (headers: Headers) => [`client:${headers.get('x-forwarded-for') ?? 'test-client'}`],
}));

const { POST } = await import('@/app/api/ceremonies/[id]/documents/route');

async function storedState(ceremonyId: string) {
  const [documents, revisions, events] = await Promise.all([
    db.agreementDocument.count({ where: { ceremonyId } }),
    db.documentRevision.count({ where: { document: { ceremonyId } } }),
    db.auditEvent.count({ where: { ceremonyId } }),
  ]);
  return { documents, revisions, events };
}

function uploadRequest(ceremonyId: string, body: BodyInit, headers: Record<string, string> = {}, query = 'language=en&title=Agreement&fileName=agreement.pdf') {
  return new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/documents?${query}`, {
    method: 'POST',
    body,
    headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': 'application/pdf', ...headers },
    duplex: 'half',
  } as RequestInit);
}

afterEach(() => {
  session.user = null;
});

describe('uploading the agreement', () => {
  it('stores the original unchanged as revision 0 with its hash, page sizes and an audit event', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    const bytes = new Uint8Array(await simplePdf({ pages: 2 }));
    const document = await uploadAgreementDocument({
      ceremonyId: fixture.ceremonyId,
      userId: fixture.organiser.userId,
      bytes,
      language: 'de',
      title: 'Abkommen',
      fileName: 'abkommen.pdf',
    });
    const stored = await db.agreementDocument.findUniqueOrThrow({ where: { id: document.id }, include: { revisions: true } });
    expect(stored).toMatchObject({ language: 'de', authentic: true, pageCount: 2, originalByteSize: bytes.length });
    expect(JSON.parse(stored.pageSizes)).toHaveLength(2);
    expect(stored.revisions).toHaveLength(1);
    expect(stored.revisions[0]).toMatchObject({ number: 0, kind: 'original', byteLength: bytes.length, sha256: stored.originalSha256, previousSha256: null });
    expect(Buffer.from(stored.revisions[0]!.appendedBytes).equals(Buffer.from(bytes))).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: fixture.ceremonyId, kind: 'document.uploaded' } });
    expect(JSON.parse(event.payload)).toMatchObject({ documentId: document.id, sha256: stored.originalSha256 });
  });

  for (const [name, make] of Object.entries(HOSTILE_PDFS)) {
    it(`refuses ${name} within 2 s with its message, storing nothing (hostile case "Hostile upload")`, async () => {
      const fixture = await createCeremony({ state: 'DRAFT' });
      const before = await storedState(fixture.ceremonyId);
      const started = performance.now();
      const error = await uploadAgreementDocument({
        ceremonyId: fixture.ceremonyId,
        userId: fixture.organiser.userId,
        bytes: new Uint8Array(make()),
        language: 'en',
        title: name,
        fileName: `${name}.pdf`,
      }).catch((caught: unknown) => caught);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(error).toMatchObject({ code: name === 'not-a-pdf' ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNPROCESSABLE_DOCUMENT' });
      expect((error as Error).message).toMatch(/PDF|file/);
      expect(await storedState(fixture.ceremonyId)).toEqual(before);
    });
  }

  it('the route refuses an over-size upload with 413 from its Content-Length, before reading the body (hostile case "Oversized upload")', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    session.user = { id: fixture.organiser.userId, email: 'o@example.org', name: 'O', globalRole: 'organiser', locale: null };
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const response = await POST(uploadRequest(fixture.ceremonyId, body, { 'content-length': String(500 * 1024 * 1024) }), {
      params: Promise.resolve({ id: fixture.ceremonyId }),
    });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect((await response.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fieldErrors: { file: 'TOO_LARGE' } });
    expect(await db.agreementDocument.count({ where: { ceremonyId: fixture.ceremonyId } })).toBe(0);
  });

  it('the route stops a chunked body at the limit (413) and stores a good file (201)', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    session.user = { id: fixture.organiser.userId, email: 'o@example.org', name: 'O', globalRole: 'organiser', locale: null };
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x25));
      },
    });
    const tooLarge = await POST(uploadRequest(fixture.ceremonyId, endless), { params: Promise.resolve({ id: fixture.ceremonyId }) });
    expect(tooLarge.status).toBe(413);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    const good = await POST(uploadRequest(fixture.ceremonyId, new Blob([new Uint8Array(await simplePdf())])), {
      params: Promise.resolve({ id: fixture.ceremonyId }),
    });
    expect(good.status).toBe(201);
    expect((await good.json()).document).toMatchObject({ language: 'en', pageCount: 2 });
  });

  it('the route answers 401 without a session, 403 from another origin, 404 to another ceremony’s organiser, 403 to a signatory', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    const other = await createCeremony({ state: 'DRAFT' });
    const pdf = new Uint8Array(await simplePdf());
    const call = (headers: Record<string, string> = {}) =>
      POST(uploadRequest(fixture.ceremonyId, new Blob([pdf]), headers), { params: Promise.resolve({ id: fixture.ceremonyId }) });
    expect((await call()).status).toBe(401);
    session.user = { id: fixture.organiser.userId, email: 'o@example.org', name: 'O', globalRole: 'organiser', locale: null };
    expect((await call({ origin: 'https://evil.example' })).status).toBe(403);
    session.user = { ...session.user, id: other.organiser.userId };
    expect((await call()).status).toBe(404);
    session.user = { ...session.user, id: fixture.delegations[0]!.signatory.userId };
    expect((await call()).status).toBe(403);
    expect(await db.agreementDocument.count({ where: { ceremonyId: fixture.ceremonyId } })).toBe(0);
  });

  it('limits uploads per user (hostile case "Too many requests": 429)', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    session.user = { id: fixture.organiser.userId, email: 'o@example.org', name: 'O', globalRole: 'organiser', locale: null };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await POST(uploadRequest(fixture.ceremonyId, new Blob([new Uint8Array(HOSTILE_PDFS['not-a-pdf']())])), {
        params: Promise.resolve({ id: fixture.ceremonyId }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 415)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
