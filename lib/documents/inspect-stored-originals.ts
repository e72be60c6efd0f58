import 'server-only';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { inspectPdfInPool, pdfRefusalCodeOf } from '@/lib/documents/pdf-inspector-pool';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';

/**
 * Runs every stored original of a ceremony through the inspector again, with the upload's
 * policy, before signing opens: a file stored before a rule existed (or slipped past an
 * older inspector) is refused with the same code the upload would give, and nothing is
 * prepared. Runs outside any transaction (the pool may take up to its time limit per
 * file); returns the SHA-256 inspected per document so the caller can check, under its
 * lock, that it prepares exactly those bytes.
 */
export async function inspectStoredOriginals({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<Map<string, string>> {
  const { context } = await loadAccess(db, { ceremonyId, userId });
  // Others get their answer from the use-case's own checks; they do not get to make us parse.
  if (!decideAccess(context, 'open-signing').allowed) return new Map();
  const documents = await db.agreementDocument.findMany({
    where: { ceremonyId, specimen: false },
    select: { id: true, title: true },
    orderBy: { createdAt: 'asc' },
  });
  const inspected = new Map<string, string>();
  for (const document of documents) {
    const { bytes, revision } = await readRevisionBytes({ documentId: document.id, number: 0 });
    try {
      await inspectPdfInPool(bytes, { policy: 'agreement' });
    } catch (error) {
      if (!(error instanceof AppError) || !pdfRefusalCodeOf(error)) throw error;
      throw new AppError(error.code, `"${document.title}" cannot be signed: ${error.message}`, error.fieldErrors, {
        reason: error.reason,
        params: { ...error.params, document: document.title },
      });
    }
    inspected.set(document.id, revision.sha256);
  }
  return inspected;
}
