import 'server-only';
import { isArchivedState } from '@/lib/access/access-sets';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { db, readBlob } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/**
 * The uploaded original (revision 0) of one agreement document, for the page viewer.
 * Participants of the ceremony only; the press sees no pages before they are released or
 * the ceremony concludes; anyone else gets NOT_FOUND.
 */
export async function loadOriginalDocument({ ceremonyId, documentId, userId }: { ceremonyId: string; documentId: string; userId: string }) {
  const { participant: me } = await requireParticipantAccess(db, { ceremonyId, userId }, 'view-ceremony');
  const document = await db.agreementDocument.findFirst({
    where: { id: documentId, ceremonyId },
    select: {
      fileName: true,
      originalSha256: true,
      ceremony: { select: { state: true, pagesReleasedAt: true } },
      revisions: { where: { number: 0 }, select: { id: true, sha256: true } },
    },
  });
  const original = document?.revisions[0];
  if (!document || !original) throw notFound('Document not found', 'document-not-found');
  if (me.role === 'observer' && !document.ceremony.pagesReleasedAt && !isArchivedState(document.ceremony.state)) {
    throw new AppError('FORBIDDEN', 'The agreement’s pages have not been released to the press yet.', undefined, { reason: 'pages-not-released' });
  }
  const bytes = await readBlob(db, 'DocumentRevision.appendedBytes', original.id);
  return { fileName: document.fileName, sha256: original.sha256, bytes };
}
