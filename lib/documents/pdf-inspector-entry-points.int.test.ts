import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyUploadedPdf } from '@/lib/archive/verify-uploaded-pdf';
import { db } from '@/lib/db';
import { pdfRefusalCodeOf } from '@/lib/documents/pdf-inspector-pool';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { uploadAgreementDocument } from '@/lib/documents/upload-agreement-document';
import { submitFullPowers } from '@/lib/protocol/submit-full-powers';
import { openSigning } from '@/lib/signing/open-signing';
import { generateAgreementPdf } from '@accord/pdf-signing/generate-agreement-pdf';
import { serializeValue } from '@accord/pdf-signing/pdf-objects';
import { PdfFile } from '@accord/pdf-signing/read-pdf-file';
import { KOSMO, LNI } from '@accord/pdf-signing/testing/fixtures';
import {
  ACTIVE_CONTENT_PDFS,
  allowedLinkPdf,
  brokenXrefPdf,
  DECODE_BOMB_PDFS,
  incrementallyUpdatedPdf,
  objectStreamBombPdf,
  prevLoopPdf,
  SIGNATURE_MACHINERY_PDFS,
  STRUCTURE_LIMIT_PDFS,
} from '@accord/pdf-signing/testing/hostile-pdfs';
import { createCeremony, createSigningCeremony, createUser } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'organiser'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: (headers: Headers) => [`client:${headers.get('x-forwarded-for') ?? 'inspector-test-client'}`],
}));
const { POST } = await import('@/app/api/ceremonies/[id]/documents/route');

afterEach(() => {
  session.user = null;
});

let archivistId: string;
beforeAll(async () => {
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
});

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    const code = pdfRefusalCodeOf(error);
    if (!code) throw error;
    return code;
  }
  return undefined;
}

async function uploadTo(ceremonyId: string, userId: string, bytes: Uint8Array, extra: { language?: 'en' | 'de' | 'ko'; cleanCopy?: boolean } = {}) {
  return uploadAgreementDocument({
    ceremonyId,
    userId,
    bytes: new Uint8Array(bytes),
    language: extra.language ?? 'en',
    title: 'Agreement',
    fileName: 'agreement.pdf',
    cleanCopy: extra.cleanCopy,
  });
}

/** A signing ceremony whose stored original is replaced by `bytes`, as if stored before today's inspector. */
async function ceremonyStoring(bytes: Uint8Array) {
  const c = await createSigningCeremony({ order: 'parallel' });
  const sha256 = sha256Hex(bytes);
  await db.documentRevision.updateMany({
    where: { documentId: c.documentIds[0]!, number: 0 },
    data: { appendedBytes: new Uint8Array(bytes), byteLength: bytes.length, sha256 },
  });
  await db.agreementDocument.update({ where: { id: c.documentIds[0]! }, data: { originalSha256: sha256, originalByteSize: bytes.length } });
  return c;
}

/** `bytes` with one incremental update appended that redefines nothing but adds an empty object. */
function withUpdate(bytes: Uint8Array): Uint8Array {
  const file = PdfFile.open(bytes);
  const num = file.size;
  const offset = bytes.length + 1;
  const object = `\n${num} 0 obj\n<</Note(added later)>>\nendobj\n`;
  const xrefAt = bytes.length + object.length;
  const trailer = serializeValue(
    file.trailer
      .clone()
      .set('Size', num + 1)
      .set('Prev', file.startxref),
  );
  const xref = `xref\n${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\ntrailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(object + xref, 'latin1')]));
}

describe('one inspector at every entry point (hostile cases "Hostile upload", "Active content upload", "Decoding bomb")', () => {
  const structural = {
    'object-stream bomb': () => objectStreamBombPdf(512),
    'page content bomb': DECODE_BOMB_PDFS['page content stream'],
    'chain of filters': DECODE_BOMB_PDFS['chain of filters (Flate over Flate, 1 GB page)'],
    '/Prev loop': prevLoopPdf,
    'xref /Size of two billion': STRUCTURE_LIMIT_PDFS['xref stream /Size of two billion'],
  };
  for (const [name, make] of Object.entries(structural)) {
    it(`upload, open signing, verify and the full-powers letter refuse ${name} with the same code`, async () => {
      const bytes = make();
      const draft = await createCeremony({ state: 'DRAFT' });
      const atUpload = await codeOf(uploadTo(draft.ceremonyId, draft.organiser.userId, bytes));
      expect(atUpload).toMatch(/^(DECODE_BUDGET|STRUCTURE_LOOP|TOO_COMPLEX)$/);
      expect(await db.agreementDocument.count({ where: { ceremonyId: draft.ceremonyId } })).toBe(0);

      const signing = await ceremonyStoring(bytes);
      expect(await codeOf(openSigning({ ceremonyId: signing.ceremonyId, userId: signing.organiserId }))).toBe(atUpload);
      expect(await db.ceremony.findUniqueOrThrow({ where: { id: signing.ceremonyId }, select: { state: true } })).toEqual({ state: 'LIVE' });
      expect(await db.documentRevision.count({ where: { documentId: signing.documentIds[0]!, kind: 'prepared' } })).toBe(0);

      expect(await codeOf(verifyUploadedPdf({ userId: archivistId, bytes }))).toBe(atUpload);
      const letter = submitFullPowers({
        ceremonyId: signing.ceremonyId,
        userId: signing.organiserId,
        participantId: signing.parties[0]!.participantId,
        fileName: 'fp.pdf',
        bytes,
      });
      expect(await codeOf(letter)).toBe(atUpload);
    });
  }

  const policy = {
    'JavaScript on opening': [ACTIVE_CONTENT_PDFS['document JavaScript (OpenAction)'], 'ACTIVE_CONTENT'],
    'an embedded file': [ACTIVE_CONTENT_PDFS['embedded file'], 'ACTIVE_CONTENT'],
    'a signature field': [SIGNATURE_MACHINERY_PDFS['signature field'], 'SIGNATURE_MACHINERY'],
    'an earlier incremental update': [incrementallyUpdatedPdf, 'INCREMENTAL_UPDATES'],
    'a broken xref (repaired)': [brokenXrefPdf, 'REPAIRED'],
  } as const;
  for (const [name, [make, code]] of Object.entries(policy)) {
    it(`upload and open signing refuse ${name} with ${code}; verify looks at it anyway`, async () => {
      const bytes = make();
      const draft = await createCeremony({ state: 'DRAFT' });
      expect(await codeOf(uploadTo(draft.ceremonyId, draft.organiser.userId, bytes))).toBe(code);
      const signing = await ceremonyStoring(bytes);
      expect(await codeOf(openSigning({ ceremonyId: signing.ceremonyId, userId: signing.organiserId }))).toBe(code);
      expect(await db.documentRevision.count({ where: { documentId: signing.documentIds[0]!, kind: 'prepared' } })).toBe(0);
      expect((await verifyUploadedPdf({ userId: archivistId, bytes })).verdict).toBe('not-signed');
    });
  }

  it('the full-powers letter refuses active content but keeps its issuer’s signature machinery', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const submit = (bytes: Uint8Array) =>
      submitFullPowers({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId: c.parties[0]!.participantId, fileName: 'fp.pdf', bytes });
    expect(await codeOf(submit(ACTIVE_CONTENT_PDFS.launch()))).toBe('ACTIVE_CONTENT');
    await expect(submit(SIGNATURE_MACHINERY_PDFS.signature())).resolves.toMatchObject({ sha256: sha256Hex(SIGNATURE_MACHINERY_PDFS.signature()) });
  });

  it('files accepted at upload — as they are, and as a clean copy — are accepted when signing opens, and the copy is what is signed', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'DRAFT' } });
    const german = await generateAgreementPdf({ language: 'de', parties: [LNI, KOSMO] });
    const korean = await generateAgreementPdf({ language: 'ko', parties: [LNI, KOSMO] });
    const updated = withUpdate(korean.bytes);
    expect(await codeOf(uploadTo(c.ceremonyId, c.organiserId, updated, { language: 'ko' }))).toBe('INCREMENTAL_UPDATES');
    const plain = await uploadTo(c.ceremonyId, c.organiserId, german.bytes, { language: 'de' });
    const flattened = await uploadTo(c.ceremonyId, c.organiserId, updated, { language: 'ko', cleanCopy: true });
    expect(plain.preflight.dropped).toEqual([]);
    expect(flattened.preflight.dropped).toEqual([{ kind: 'incremental-update', count: 1 }]);
    const stored = await readRevisionBytes({ documentId: flattened.id, number: 0 });
    expect(Buffer.from(stored.bytes).equals(Buffer.from(updated))).toBe(false);
    expect(stored.revision.sha256).toBe(flattened.originalSha256);
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'document.uploaded', payload: { contains: flattened.id } } });
    expect(JSON.parse(event.payload).cleanCopyOf).toMatchObject({ sha256: sha256Hex(updated), dropped: ['incremental-update'] });

    const fields = await db.signatureField.findMany({ where: { documentId: c.documentIds[0]! } });
    for (const document of [plain, flattened]) {
      for (const { id: _id, documentId: _from, ...field } of fields) {
        await db.signatureField.create({ data: { ...field, page: Math.min(field.page, document.pageCount), documentId: document.id } });
      }
    }
    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'LIVE' } });
    const outcome = await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(outcome.prepared.map((entry) => entry.documentId).sort()).toEqual([c.documentIds[0]!, plain.id, flattened.id].sort());
    const prepared = await readRevisionBytes({ documentId: flattened.id });
    expect(prepared.revision.kind).toBe('prepared');
    expect(Buffer.from(prepared.bytes.subarray(0, stored.bytes.length)).equals(Buffer.from(stored.bytes))).toBe(true);
  });

  it('the upload route answers a refusal with its code and what was found, a clean copy on request, and a pre-flight summary', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    session.user = { id: fixture.organiser.userId, email: 'o@example.org', name: 'O', globalRole: 'organiser', locale: null };
    const post = (bytes: Uint8Array, query: string) =>
      POST(
        new Request(`http://127.0.0.1:3000/api/ceremonies/${fixture.ceremonyId}/documents?${query}`, {
          method: 'POST',
          body: new Blob([new Uint8Array(bytes)]),
          headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': 'application/pdf' },
          duplex: 'half',
        } as RequestInit),
        { params: Promise.resolve({ id: fixture.ceremonyId }) },
      );
    const refused = await post(ACTIVE_CONTENT_PDFS.launch(), 'language=en&title=A&fileName=a.pdf');
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({
      code: 'UNPROCESSABLE_DOCUMENT',
      reason: 'ACTIVE_CONTENT',
      params: { found: 'launch' },
      fieldErrors: { file: 'ACTIVE_CONTENT' },
    });
    const copied = await post(ACTIVE_CONTENT_PDFS.launch(), 'language=en&title=A&fileName=a.pdf&cleanCopy=1');
    expect(copied.status).toBe(201);
    expect((await copied.json()).document.preflight.dropped).toEqual([{ kind: 'launch', count: 1 }]);
    const linked = await post(allowedLinkPdf(), 'language=de&title=B&fileName=b.pdf');
    expect(linked.status).toBe(201);
    expect((await linked.json()).document.preflight).toMatchObject({
      pages: [{ width: 612, height: 792 }],
      summary: { links: ['https://example.org/treaty'], language: 'de-DE', fonts: [{ name: 'Helvetica', embedded: false }] },
      dropped: [],
    });
  });
});
