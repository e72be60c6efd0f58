import 'server-only';
import { sha256Hex } from '@/lib/crypto/sha256';
import type { Db, Tx } from '@/lib/db';

/** original (number 0, the whole file) | prepared | signed | sealed (each an incremental update) */
export type RevisionKind = 'original' | 'prepared' | 'signed' | 'sealed';

/** A new revision's bytes, measured once. */
export interface RevisionFile {
  /** What the row stores: the whole file for an original, the incremental update otherwise. */
  appendedBytes: Uint8Array<ArrayBuffer>;
  /** The whole file's length and SHA-256 (hex) after this revision. */
  byteLength: number;
  sha256: string;
}

/**
 * Measures a revision's file: call it before the transaction where the caller can, so that
 * hashing a 30 MB file never holds the database's one writer (decision 0004).
 * `increment` is what the revision appends to the previous one; an original has none.
 */
export function revisionFileOf(pdf: Uint8Array, increment?: Uint8Array): RevisionFile {
  return { appendedBytes: ownBytes(increment ?? pdf), byteLength: pdf.length, sha256: sha256Hex(pdf) };
}

/**
 * Appends a revision to a document, numbered after the revision its bytes were written on
 * (`after`; none for an original, which is number 0) and naming that one's hash. Runs on
 * the caller's transaction client and opens none of its own. The caller holds the document
 * (or its ceremony) lock and has checked that `after` is still the newest revision; should
 * two appends on one revision race anyway, the (document, number) key lets only one commit:
 * the other fails with a unique violation. Returns what the next append is `after`.
 */
export async function appendRevision(
  client: Tx | Db,
  {
    documentId,
    after,
    kind,
    file,
    createdById = null,
    createdAt,
  }: {
    documentId: string;
    after: { number: number; sha256: string } | null;
    kind: RevisionKind;
    file: RevisionFile;
    createdById?: string | null;
    /** Defaults to now. */
    createdAt?: Date;
  },
): Promise<{ id: string; number: number; sha256: string }> {
  const stored = await client.documentRevision.create({
    data: {
      documentId,
      number: after ? after.number + 1 : 0,
      kind,
      appendedBytes: file.appendedBytes,
      byteLength: file.byteLength,
      sha256: file.sha256,
      previousSha256: after?.sha256 ?? null,
      createdById,
      createdAt,
    },
    // Never the appended bytes: returning them would read them back through Prisma's slow BLOB path (readBlobs in lib/db.ts).
    select: { id: true, number: true },
  });
  return { ...stored, sha256: file.sha256 };
}

/** The bytes as an array of their own: an increment is often a view into the whole file. */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
