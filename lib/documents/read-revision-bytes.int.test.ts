import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, transaction, type Db, type Tx } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { loadOriginalDocument } from '@/lib/documents/load-original-document';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { createCeremony, type CeremonyFixture } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

/** A stored document: an 8 MB original and two appended updates, as the app stores them. */
const parts = [Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8 * 1024 * 1024)]), randomBytes(19_000), randomBytes(23_456)];
const wholeFiles = parts.map((_, number) => Buffer.concat(parts.slice(0, number + 1)));

let ceremony: CeremonyFixture;
let documentId: string;

async function storeRevision(tx: Db | Tx, number: number, appended: Uint8Array, whole: Uint8Array) {
  const after = number === 0 ? null : { number: number - 1, sha256: sha256Hex(whole.subarray(0, whole.length - appended.length)) };
  return appendRevision(tx, {
    documentId,
    after,
    kind: number === 0 ? 'original' : 'signed',
    file: revisionFileOf(whole, number === 0 ? undefined : appended),
  });
}

beforeAll(async () => {
  ceremony = await createCeremony({ title: 'Revision bytes test ceremony' });
  const document = await db.agreementDocument.create({
    data: {
      ceremonyId: ceremony.ceremonyId,
      language: 'en',
      title: 'Revision bytes agreement',
      fileName: 'revision-bytes.pdf',
      originalSha256: sha256Hex(parts[0]!),
      originalByteSize: parts[0]!.length,
      pageCount: 1,
      uploadedById: ceremony.organiser.userId,
    },
  });
  documentId = document.id;
  for (const [number, appended] of parts.entries()) await storeRevision(db, number, appended, wholeFiles[number]!);
});

describe('readRevisionBytes', () => {
  it('rebuilds every revision of a multi-revision document byte for byte', async () => {
    for (const [number, whole] of wholeFiles.entries()) {
      const { bytes, revision } = await readRevisionBytes({ documentId, number });
      expect(revision.number).toBe(number);
      expect(bytes.length).toBe(whole.length);
      expect(sha256Hex(bytes)).toBe(sha256Hex(whole));
      expect(revision.sha256).toBe(sha256Hex(whole));
    }
    const newest = await readRevisionBytes({ documentId });
    expect(newest.revision.number).toBe(parts.length - 1);
    expect(sha256Hex(newest.bytes)).toBe(sha256Hex(wholeFiles.at(-1)!));
  });

  it('serves the original to the page viewer unchanged', async () => {
    const original = await loadOriginalDocument({ ceremonyId: ceremony.ceremonyId, documentId, userId: ceremony.organiser.userId });
    expect(sha256Hex(original.bytes)).toBe(sha256Hex(parts[0]!));
    expect(original.sha256).toBe(sha256Hex(parts[0]!));
  });

  it("inside a transaction sees the transaction's own new revision; a reader outside never does, and after a rollback it is gone", async () => {
    const appended = randomBytes(4096);
    const whole = Buffer.concat([wholeFiles.at(-1)!, appended]);
    let signalWritten!: () => void;
    const written = new Promise<void>((resolve) => (signalWritten = resolve));
    let release!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));
    let seenInside = '';

    const failing = transaction(async (tx) => {
      await storeRevision(tx, parts.length, appended, whole);
      seenInside = sha256Hex((await readRevisionBytes({ documentId, client: tx })).bytes);
      signalWritten();
      await mayFinish;
      throw new Error('roll back');
    });
    await written;
    // `.then` sends the queries now, while the transaction is still open.
    const outside = readRevisionBytes({ documentId }).then((read) => read);
    release();

    await expect(failing).rejects.toThrow('roll back');
    expect(seenInside).toBe(sha256Hex(whole));
    const outsideRead = await outside;
    expect(outsideRead.revision.number).toBe(parts.length - 1);
    expect(sha256Hex(outsideRead.bytes)).toBe(sha256Hex(wholeFiles.at(-1)!));
    expect((await readRevisionBytes({ documentId })).revision.number).toBe(parts.length - 1);
  });
});
