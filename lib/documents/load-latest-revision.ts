import 'server-only';
import { isArchivedState } from '@/lib/access/access-sets';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError, notFound } from '@/lib/errors';
import { sha256Hex } from '@/lib/crypto/sha256';

export type LatestRevision =
  { kind: 'unchanged'; number: number; sha256: string } | { kind: 'bytes'; number: number; sha256: string; fileName: string; bytes: Uint8Array };

/**
 * The newest revision of one agreement document (the prepared, signed or sealed file with
 * every signature appearance so far), for the room's viewer. Participants only (anyone
 * else: NOT_FOUND); the press gets no bytes until the organiser releases the pages or the
 * ceremony is concluded. `knownSha256` is the revision the caller already holds: when it
 * is still the newest the bytes are neither rebuilt nor sent.
 */
export async function loadLatestRevision({
  ceremonyId,
  documentId,
  userId,
  knownSha256,
}: {
  ceremonyId: string;
  documentId: string;
  userId: string;
  knownSha256?: string | null;
}): Promise<LatestRevision> {
  const { participant: me } = await requireParticipantAccess(db, { ceremonyId, userId }, 'view-ceremony');
  const document = await db.agreementDocument.findFirst({
    where: { id: documentId, ceremonyId },
    select: {
      fileName: true,
      ceremony: { select: { state: true, pagesReleasedAt: true } },
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, sha256: true } },
    },
  });
  const newest = document?.revisions[0];
  if (!document || !newest) throw notFound('Document not found', 'document-not-found');
  if (me.role === 'observer' && !document.ceremony.pagesReleasedAt && !isArchivedState(document.ceremony.state)) {
    throw new AppError('FORBIDDEN', 'The agreement’s pages have not been released to the press yet.', undefined, { reason: 'pages-not-released' });
  }
  if (knownSha256 === newest.sha256) return { kind: 'unchanged', number: newest.number, sha256: newest.sha256 };

  const { bytes, revision } = await readRevisionBytes({ documentId, number: newest.number });
  const actual = sha256Hex(bytes);
  if (actual !== revision.sha256) {
    throw new AppError('INTERNAL', `Revision ${revision.number} of document ${documentId} does not match its stored SHA-256; it is not sent.`);
  }
  return { kind: 'bytes', number: revision.number, sha256: revision.sha256, fileName: document.fileName, bytes };
}
