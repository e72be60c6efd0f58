import { beforeAll, describe, expect, it } from 'vitest';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { verifyUploadedPdf } from '@/lib/archive/verify-uploaded-pdf';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { prepareSigningFields } from '@accord/pdf-signing/prepare-signing-fields';
import { signPreparedFields } from '@accord/pdf-signing/sign-prepared-fields';
import { appearanceFor, simplePdf, testIdentity } from '@accord/pdf-signing/testing/fixtures';
import { deeplyNestedPdf, minimalPdf, notAPdf, objectStreamBombPdf } from '@accord/pdf-signing/testing/hostile-pdfs';
import { verifyPdfSignatures } from '@accord/pdf-signing/verify-pdf-signatures';
import { createUser } from '@/test/factories';

let ceremony: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;
let sealed: Uint8Array;
/** The byte range of the closing seal (the last signature). */
let sealRange: [number, number, number, number];

beforeAll(async () => {
  ceremony = await createConcludedCeremony({ title: 'Verify test ceremony' });
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
  sealed = (await readRevisionBytes({ documentId: ceremony.documentId })).bytes;
  const last = verifyPdfSignatures(sealed).signatures.at(-1)!;
  sealRange = last.byteRange as [number, number, number, number];
});

const copy = (bytes: Uint8Array) => Buffer.from(bytes);

describe('verifyUploadedPdf: verdicts (hostile cases "Flipped byte", "Appended bytes", "Tampered byte range")', () => {
  it('our sealed PDF: valid, byte-for-byte our newest revision, every signature chains to our CA', async () => {
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: sealed });
    expect(result.verdict).toBe('valid');
    expect(result.reason).toMatch(/byte-for-byte one of our revisions/);
    expect(result.allChainToPlatformCa).toBe(true);
    expect(result.signatures).toHaveLength(3); // two signatories and the closing seal
    expect(result.signatures.every((s) => s.valid && s.digestIntact && s.byteRangeSane && s.chainsToTrustedCa)).toBe(true);
    expect(result.signatures.at(-1)!.coversWholeFile).toBe(true);
    expect(result.exactMatch).toMatchObject({
      revisionKind: 'sealed',
      isNewest: true,
      ceremony: { id: ceremony.ceremonyId, title: 'Verify test ceremony', inArchive: true },
    });
    const event = await db.auditEvent.findFirst({
      where: { chain: 'platform', kind: 'archive.pdf-verified', actorUserId: archivistId },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(event!.payload)).toMatchObject({ sha256: result.sha256, verdict: 'valid', matchedCeremonyId: ceremony.ceremonyId });
  });

  it('an earlier revision (after the first signature) is also recognised, and valid', async () => {
    const { bytes } = await readRevisionBytes({ documentId: ceremony.documentId, number: 2 });
    const result = await verifyUploadedPdf({ userId: archivistId, bytes });
    expect(result.verdict).toBe('valid');
    expect(result.exactMatch).toMatchObject({ revisionNumber: 2, revisionKind: 'signed', isNewest: false });
  });

  it('one byte flipped inside a signed range: invalid, digest broken', async () => {
    const tampered = copy(sealed);
    const at = Math.floor(sealRange[1] / 3);
    tampered[at] = tampered[at]! ^ 0x01;
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: tampered });
    expect(result.verdict).toBe('invalid');
    expect(result.signatures.some((s) => !s.digestIntact)).toBe(true);
    expect(result.exactMatch).toBeNull();
  });

  it('bytes appended after the last signature: valid but modified after signing, and the signed part is named', async () => {
    const appended = Buffer.concat([copy(sealed), Buffer.from('\n% appended later\n1 0 obj\n<<>>\nendobj\n')]);
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: appended });
    expect(result.verdict).toBe('valid-but-modified-after-signing');
    expect(result.reason).toMatch(/added after the last signature/);
    expect(result.bytesAfterLastSignature).toBe(appended.length - sealed.length);
    expect(result.signatures.at(-1)!.modifiedAfterSigning).toBe('appended-unsigned-bytes');
    expect(result.exactMatch).toBeNull();
    expect(result.prefixMatch).toMatchObject({ matchedBytes: sealed.length, revisionKind: 'sealed', ceremony: { id: ceremony.ceremonyId } });
  });

  it('a tampered /ByteRange: invalid, ByteRange not sane', async () => {
    const text = copy(sealed).toString('latin1');
    const original = `/ByteRange [${sealRange.join(' ')}]`;
    expect(text).toContain(original);
    const forged = `/ByteRange [0 ${sealRange[1] - 1} ${sealRange[2]} ${sealRange[3]}]`.padEnd(original.length, ' ');
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: Buffer.from(text.replace(original, forged), 'latin1') });
    expect(result.verdict).toBe('invalid');
    // A broken range sorts first (it has no end): one signature, the seal, is not sane.
    expect(result.signatures.filter((s) => !s.byteRangeSane)).toHaveLength(1);
    expect(result.reason).toMatch(/ByteRange/);
  });

  it('an emptied /Contents: invalid', async () => {
    const tampered = copy(sealed);
    tampered.fill(0x30, sealRange[1] + 1, sealRange[2] - 1);
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: tampered });
    expect(result.verdict).toBe('invalid');
    expect(result.signatures.filter((s) => !s.valid)).toHaveLength(1);
  });

  it('a signed PDF we never produced: untrusted (intact, but not our CA and not our revision)', async () => {
    const { identity } = await testIdentity();
    const prepared = await prepareSigningFields({
      pdf: await simplePdf({ pages: 1 }),
      fields: [{ name: 'foreign', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 220, height: 100 } }],
    });
    const signed = await signPreparedFields({
      pdf: prepared.pdf,
      fields: ['foreign'],
      appearance: appearanceFor('lni'),
      identity,
      signature: { name: 'Someone Else', reason: 'Test', location: 'Elsewhere' },
    });
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: signed.pdf });
    expect(result.verdict).toBe('untrusted');
    expect(result.signatures[0]).toMatchObject({ valid: true, chainsToTrustedCa: false });
    expect(result.exactMatch).toBeNull();
    expect(result.prefixMatch).toBeNull();
  });

  it('an unsigned PDF we never produced: not signed, no match', async () => {
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: minimalPdf() });
    expect(result).toMatchObject({ verdict: 'not-signed', exactMatch: null, signatures: [] });
  });

  it('a file that is not a PDF: not-a-pdf', async () => {
    const result = await verifyUploadedPdf({ userId: archivistId, bytes: notAPdf() });
    expect(result.verdict).toBe('not-a-pdf');
    expect(result.signatures).toEqual([]);
  });

  it('hostile structures are refused with a clear message within 2 s, like agreement uploads (hostile case "Hostile upload")', async () => {
    for (const bytes of [objectStreamBombPdf(), deeplyNestedPdf()]) {
      const started = performance.now();
      await expect(verifyUploadedPdf({ userId: archivistId, bytes })).rejects.toMatchObject({ code: 'UNPROCESSABLE_DOCUMENT' });
      expect(performance.now() - started).toBeLessThan(2_500);
    }
  });

  it('an organiser of another ceremony learns that the file is ours, not whose', async () => {
    const stranger = await createUser({ globalRole: 'organiser' });
    const result = await verifyUploadedPdf({ userId: stranger.id, bytes: sealed });
    expect(result.verdict).toBe('valid');
    expect(result.exactMatch).toMatchObject({ revisionKind: 'sealed', ceremony: null });
  });

  it('a member who is neither archivist nor organiser: FORBIDDEN', async () => {
    const member = await createUser();
    await expect(verifyUploadedPdf({ userId: member.id, bytes: sealed })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(verifyUploadedPdf({ userId: ceremony.parties[0]!.userId, bytes: sealed })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
