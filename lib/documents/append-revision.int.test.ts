import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/crypto/sha256';
import { db, isUniqueViolation, lockForUpdate, transaction } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { createCeremony } from '@/test/factories';

const original = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024)]);

/** A document with its original stored as revision 0. */
async function storedDocument(title: string) {
  const ceremony = await createCeremony({ title });
  const document = await db.agreementDocument.create({
    data: {
      ceremonyId: ceremony.ceremonyId,
      language: 'en',
      title,
      fileName: 'append.pdf',
      originalSha256: sha256Hex(original),
      originalByteSize: original.length,
      pageCount: 1,
      uploadedById: ceremony.organiser.userId,
    },
    select: { id: true },
  });
  const first = await transaction((tx) =>
    appendRevision(tx, { documentId: document.id, after: null, kind: 'original', file: revisionFileOf(original), createdById: ceremony.organiser.userId }),
  );
  return { documentId: document.id, userId: ceremony.organiser.userId, first };
}

/** What a use-case does: lock the document, build on its newest revision, append. */
function appendOnNewest(documentId: string, increment: Uint8Array) {
  return transaction(async (tx) => {
    await lockForUpdate(tx, `document:${documentId}`);
    const { bytes, revision } = await readRevisionBytes({ documentId, client: tx });
    const whole = Buffer.concat([bytes, increment]);
    return appendRevision(tx, { documentId, after: revision, kind: 'signed', file: revisionFileOf(whole, whole.subarray(bytes.length)) });
  });
}

describe('appendRevision', () => {
  it("numbers revisions from 0, records each whole file's SHA-256 and its predecessor's, and stores only the appended bytes", async () => {
    const { documentId, userId, first } = await storedDocument('Append revision numbering');
    expect(first).toEqual({ id: expect.any(String), number: 0, sha256: sha256Hex(original) });

    const increment = randomBytes(1500);
    const whole = Buffer.concat([original, increment]);
    const at = new Date('2026-11-24T09:00:00.000Z');
    const second = await transaction((tx) =>
      appendRevision(tx, {
        documentId,
        after: first,
        kind: 'prepared',
        file: revisionFileOf(whole, whole.subarray(original.length)),
        createdById: userId,
        createdAt: at,
      }),
    );
    expect(second).toEqual({ id: expect.any(String), number: 1, sha256: sha256Hex(whole) });

    const rows = await db.documentRevision.findMany({ where: { documentId }, orderBy: { number: 'asc' }, omit: { appendedBytes: true } });
    expect(
      rows.map(({ number, kind, byteLength, sha256, previousSha256, createdById }) => ({ number, kind, byteLength, sha256, previousSha256, createdById })),
    ).toEqual([
      { number: 0, kind: 'original', byteLength: original.length, sha256: sha256Hex(original), previousSha256: null, createdById: userId },
      { number: 1, kind: 'prepared', byteLength: whole.length, sha256: sha256Hex(whole), previousSha256: sha256Hex(original), createdById: userId },
    ]);
    expect(rows[1]!.createdAt.toISOString()).toBe(at.toISOString());
    const read = await readRevisionBytes({ documentId });
    expect(sha256Hex(read.bytes)).toBe(read.revision.sha256);
    expect(Buffer.from(read.bytes).equals(whole)).toBe(true);
  });

  it('lets only one of two appends on the same revision commit: the other fails on the (document, number) key', async () => {
    const { documentId, first } = await storedDocument('Append revision race');
    const append = () => {
      const whole = Buffer.concat([original, randomBytes(100)]);
      return transaction((tx) =>
        appendRevision(tx, { documentId, after: first, kind: 'signed', file: revisionFileOf(whole, whole.subarray(original.length)) }),
      );
    };
    const outcomes = await Promise.allSettled([append(), append()]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(isUniqueViolation(refused!.reason)).toBe(true);
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(2);
  });

  it('gives concurrent appends that lock the document and build on its newest revision distinct numbers and a consistent chain', async () => {
    const { documentId } = await storedDocument('Append revision concurrent');
    const appended = await Promise.all([1, 2, 3, 4].map((n) => appendOnNewest(documentId, randomBytes(100 * n))));
    expect(appended.map((revision) => revision.number).sort()).toEqual([1, 2, 3, 4]);

    const rows = await db.documentRevision.findMany({
      where: { documentId },
      orderBy: { number: 'asc' },
      select: { number: true, sha256: true, previousSha256: true },
    });
    for (const [index, row] of rows.entries()) expect(row.previousSha256).toBe(index === 0 ? null : rows[index - 1]!.sha256);
    const read = await readRevisionBytes({ documentId });
    expect(read.revision.number).toBe(4);
    expect(sha256Hex(read.bytes)).toBe(read.revision.sha256);
  });
});
