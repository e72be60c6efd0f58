import 'server-only';
import type { Tx } from '@/lib/db';
import { db, readBlobs } from '@/lib/db';

/**
 * The whole file of a document's revision: revision 0's bytes followed by every later
 * revision's appended update, up to `number` (default: the newest). Callers verify the
 * SHA-256 stored on the revision when the bytes leave the app.
 */
export async function readRevisionBytes({ documentId, number, client = db }: { documentId: string; number?: number; client?: Tx | typeof db }) {
  const revisions = await client.documentRevision.findMany({
    where: { documentId, ...(number === undefined ? {} : { number: { lte: number } }) },
    orderBy: { number: 'asc' },
    select: { number: true, byteLength: true, sha256: true, kind: true, id: true },
  });
  const last = revisions.at(-1);
  if (!last) throw new Error(`Document ${documentId} has no revisions`);
  // Revisions are never updated, so reading their bytes after their rows is safe.
  const parts = await readBlobs(
    client,
    'DocumentRevision.appendedBytes',
    revisions.map((revision) => revision.id),
  );
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  if (length !== last.byteLength) throw new Error(`Revision chain of document ${documentId} is inconsistent: ${length} bytes, expected ${last.byteLength}`);
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), revision: last };
}
