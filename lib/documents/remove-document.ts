import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/**
 * Withdraws a wrongly uploaded file while the ceremony is still a DRAFT (nothing has been
 * prepared or signed on it). Its fields go with it; the audit trail keeps its hash.
 */
export async function removeDocument({ ceremonyId, userId, documentId }: { ceremonyId: string; userId: string; documentId: string }) {
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'withdraw-document');
    const document = await tx.agreementDocument.findFirst({
      where: { id: documentId, ceremonyId },
      select: { id: true, title: true, originalSha256: true, _count: { select: { revisions: true, signatures: true } } },
    });
    if (!document) throw notFound('Document not found', 'document-not-found');
    if (document._count.signatures > 0 || document._count.revisions > 1)
      throw new AppError('INVALID_STATE', 'This document has already been prepared or signed.', undefined, { reason: 'document-prepared-or-signed' });
    await tx.signatureField.deleteMany({ where: { documentId } });
    await tx.documentRevision.deleteMany({ where: { documentId, number: 0 } });
    await tx.agreementDocument.delete({ where: { id: documentId } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'document.removed',
      payload: { documentId, title: document.title, sha256: document.originalSha256 },
    });
  });
}
