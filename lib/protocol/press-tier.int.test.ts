import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { db } from '@/lib/db';
import { loadPublicSummary } from '@/lib/protocol/load-public-summary';
import { publishPublicSummary } from '@/lib/protocol/publish-public-summary';
import { releasePagesToPress } from '@/lib/protocol/release-pages-to-press';
import { openSigning } from '@/lib/signing/open-signing';
import { createSigningCeremony } from '@/test/factories';

// Every route reads the caller through lib/auth (Auth.js); here the caller is chosen per request.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'member'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: (headers: Headers) => [`client:${headers.get('x-forwarded-for') ?? 'test-client'}`],
}));

const originalRoute = await import('@/app/api/ceremonies/[id]/documents/[documentId]/file/route');
const revisionRoute = await import('@/app/api/ceremonies/[id]/documents/[documentId]/revision/route');
const archiveRoute = await import('@/app/api/archive/[id]/download/[artefact]/route');
const photoUploadRoute = await import('@/app/api/ceremonies/[id]/photo/route');
const publicPhotoRoute = await import('@/app/summary/[id]/photo/route');
const transmittalRoute = await import('@/app/api/ceremonies/[id]/transmittal/[format]/route');

afterEach(() => {
  session.user = null;
});

const as = (userId: string) => {
  session.user = { id: userId, email: `${userId}@test.example`, name: 'Caller', globalRole: 'member', locale: null };
};
const get = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

/** Every route that serves an agreement's bytes, as one caller sees it: status and whether a PDF came back. */
async function agreementRoutes(ceremonyId: string, documentId: string) {
  const params = Promise.resolve({ id: ceremonyId, documentId });
  const answers = {
    original: await originalRoute.GET(get(`/api/ceremonies/${ceremonyId}/documents/${documentId}/file`), { params }),
    latestRevision: await revisionRoute.GET(get(`/api/ceremonies/${ceremonyId}/documents/${documentId}/revision`), { params }),
    archivedDocument: await archiveRoute.GET(get(`/api/archive/${ceremonyId}/download/document?document=${documentId}`), {
      params: Promise.resolve({ id: ceremonyId, artefact: 'document' }),
    }),
    archivedRevision0: await archiveRoute.GET(get(`/api/archive/${ceremonyId}/download/document?document=${documentId}&revision=0`), {
      params: Promise.resolve({ id: ceremonyId, artefact: 'document' }),
    }),
    evidencePackage: await archiveRoute.GET(get(`/api/archive/${ceremonyId}/download/evidence-package`), {
      params: Promise.resolve({ id: ceremonyId, artefact: 'evidence-package' }),
    }),
  };
  const result = {} as Record<keyof typeof answers, { status: number; bytes: boolean }>;
  for (const [name, response] of Object.entries(answers) as [keyof typeof answers, Response][]) {
    const body = new Uint8Array(await response.arrayBuffer());
    const isPdf = body.length > 4 && Buffer.from(body.subarray(0, 5)).toString('latin1') === '%PDF-';
    const isZip = body.length > 2 && body[0] === 0x50 && body[1] === 0x4b;
    result[name] = { status: response.status, bytes: isPdf || isZip };
  }
  return result;
}

describe('press tier', () => {
  it('an observer gets no agreement bytes from any route before the pages are released; afterwards the room routes serve them', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const documentId = c.documentIds[0]!;

    as(c.observerId);
    const before = await agreementRoutes(c.ceremonyId, documentId);
    expect(Object.values(before).every((answer) => !answer.bytes)).toBe(true);
    expect(before.original.status).toBe(403);
    expect(before.latestRevision.status).toBe(403);
    expect(before.archivedDocument.status).toBe(404);
    expect(before.evidencePackage.status).toBe(404);

    // A signatory in the same room sees the pages all along.
    as(c.parties[0]!.userId);
    expect((await agreementRoutes(c.ceremonyId, documentId)).latestRevision).toEqual({ status: 200, bytes: true });

    // Only the organiser releases; then the room's routes answer the press, the archive still does not.
    await expect(releasePagesToPress({ ceremonyId: c.ceremonyId, userId: c.observerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await releasePagesToPress({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await releasePagesToPress({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'press.pages-released' } })).toBe(1);
    as(c.observerId);
    const after = await agreementRoutes(c.ceremonyId, documentId);
    expect(after.original).toEqual({ status: 200, bytes: true });
    expect(after.latestRevision).toEqual({ status: 200, bytes: true });
    expect(after.archivedDocument.status).toBe(404);
  });

  it('after conclusion the press sees the pages without a release, but never the archive', async () => {
    const c = await createConcludedCeremony();
    as(c.observerId);
    const answers = await agreementRoutes(c.ceremonyId, c.documentId);
    expect(answers.original).toEqual({ status: 200, bytes: true });
    expect(answers.latestRevision).toEqual({ status: 200, bytes: true });
    for (const archived of [answers.archivedDocument, answers.archivedRevision0, answers.evidencePackage])
      expect(archived).toEqual({ status: 404, bytes: false });
    // The organiser does reach the archive (the routes work; the refusal above is the press's).
    as(c.organiserId);
    expect((await agreementRoutes(c.ceremonyId, c.documentId)).evidencePackage).toEqual({ status: 200, bytes: true });
  });
});

describe('public summary', () => {
  const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  const upload = (ceremonyId: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    photoUploadRoute.POST(
      new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/photo`, {
        method: 'POST',
        body,
        headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': 'image/png', ...headers },
      }),
      { params: Promise.resolve({ id: ceremonyId }) },
    );

  it('is shown only once the organiser publishes it: title, parties, signatories, date and place in both capitals, photo', async () => {
    const c = await createConcludedCeremony({ concludedAt: new Date('2026-11-26T09:30:00Z') });
    expect(await loadPublicSummary({ ceremonyId: c.ceremonyId, locale: 'en' })).toBeNull();
    expect((await publicPhotoRoute.GET(get(`/summary/${c.ceremonyId}/photo`), { params: Promise.resolve({ id: c.ceremonyId }) })).status).toBe(404);

    as(c.organiserId);
    expect((await upload(c.ceremonyId, new TextEncoder().encode('GIF89a not a photo'))).status).toBe(415);
    expect((await upload(c.ceremonyId, png, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(c.ceremonyId, png)).status).toBe(201);
    as(c.observerId);
    expect((await upload(c.ceremonyId, png)).status).toBe(403);

    await expect(publishPublicSummary({ ceremonyId: c.ceremonyId, userId: c.parties[0]!.userId, publish: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await publishPublicSummary({ ceremonyId: c.ceremonyId, userId: c.organiserId, publish: true });
    const summary = await loadPublicSummary({ ceremonyId: c.ceremonyId, locale: 'de' });
    expect(summary).toMatchObject({
      place: 'Berlin and Seoul',
      parties: [
        { name: 'Labs Network Industrie 4.0', signatories: [{ name: 'Dr. Jürgen Weiß' }] },
        { name: 'Korean Smart Manufacturing Office', signatories: [{ name: '김민준' }] },
      ],
      signedAt: [
        { capital: 'Berlin', time: 'Donnerstag, 26. November 2026, 10:30 MEZ' },
        { capital: 'Seoul', time: expect.stringContaining('18:30') },
      ],
    });
    expect(summary!.photo).not.toBeNull();
    const photo = await publicPhotoRoute.GET(get(`/summary/${c.ceremonyId}/photo`), { params: Promise.resolve({ id: c.ceremonyId }) });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);

    await publishPublicSummary({ ceremonyId: c.ceremonyId, userId: c.organiserId, publish: false });
    expect(await loadPublicSummary({ ceremonyId: c.ceremonyId, locale: 'en' })).toBeNull();
    expect(
      (await db.auditEvent.findMany({ where: { ceremonyId: c.ceremonyId, kind: { startsWith: 'public-summary.' } }, orderBy: { seq: 'asc' } })).map(
        (e) => e.kind,
      ),
    ).toEqual(['public-summary.photo-added', 'public-summary.published', 'public-summary.withdrawn']);
  });

  it('cannot be published before the ceremony concludes', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await expect(publishPublicSummary({ ceremonyId: c.ceremonyId, userId: c.organiserId, publish: true })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('transmittal downloads', () => {
  it('gives the organiser the PDF and the JSON after conclusion, nobody else', async () => {
    const c = await createConcludedCeremony();
    const download = (format: string) =>
      transmittalRoute.GET(get(`/api/ceremonies/${c.ceremonyId}/transmittal/${format}`), { params: Promise.resolve({ id: c.ceremonyId, format }) });
    as(c.organiserId);
    const pdf = await download('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const json = await download('json');
    expect(json.headers.get('content-disposition')).toContain('attachment');
    expect(((await json.json()) as { format: string }).format).toBe('accord-transmittal/1');
    expect((await download('xml')).status).toBe(404);
    for (const other of [c.observerId, c.parties[0]!.userId]) {
      as(other);
      expect((await download('pdf')).status).toBe(403);
    }
    session.user = null;
    expect((await download('json')).status).toBe(401);
  });
});
