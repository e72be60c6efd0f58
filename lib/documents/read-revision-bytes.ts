import 'server-only';
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';

/**
 * The whole file of a document's revision: revision 0's bytes followed by every later
 * revision's appended update, up to `number` (default: the newest). Callers verify the
 * SHA-256 stored on the revision when the bytes leave the app.
 */
export async function readRevisionBytes({ documentId, number, client = db }: { documentId: string; number?: number; client?: Tx | typeof db }) {
  const revisions = await client.documentRevision.findMany({
    where: { documentId, ...(number === undefined ? {} : { number: { lte: number } }) },
    orderBy: { number: 'asc' },
    select: { number: true, appendedBytes: true, byteLength: true, sha256: true, kind: true, id: true },
  });
  const last = revisions.at(-1);
  if (!last) throw new Error(`Document ${documentId} has no revisions`);
  const bytes = Buffer.allocUnsafe(last.byteLength);
  let offset = 0;
  for (const revision of revisions) {
    bytes.set(revision.appendedBytes, offset);
    offset += revision.appendedBytes.length;
  }
  if (offset !== last.byteLength) throw new Error(`Revision chain of document ${documentId} is inconsistent: ${offset} bytes, expected ${last.byteLength}`);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), revision: last };
}
