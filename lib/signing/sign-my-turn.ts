import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';
import { signAgreement, type SignatureCapture } from '@/lib/signing/sign-agreement';

/**
 * One confirmation by a signatory signs every document it is their turn on now (e.g. their
 * own original in each language, in alternat), one revision per document, in order. The
 * request key is made per document, so a replayed confirmation signs nothing twice.
 */
export async function signMyTurn(input: { ceremonyId: string; userId: string; idempotencyKey: string; capture: SignatureCapture; ipAddress?: string; userAgent?: string }) {
  const status = await loadSigningStatus({ ceremonyId: input.ceremonyId, userId: input.userId });
  const due = status.documents.filter((document) => document.myStatus === 'sign-now');
  if (due.length === 0) {
    const alreadySigned = await alreadyDoneForKey(input, status.documents.map((d) => d.id));
    if (alreadySigned.length > 0) return { signed: alreadySigned };
    if (!status.signingOpen) throw new AppError('INVALID_STATE', status.state === 'CONCLUDED' || status.state === 'ARCHIVED' ? 'Signing is closed.' : 'Signing is not open yet.');
    if (status.documents.every((d) => d.myStatus === 'signed' || d.myStatus === 'no-fields') && status.documents.some((d) => d.myStatus === 'signed')) {
      throw new AppError('CONFLICT', 'You have already signed.');
    }
    if (status.documents.some((d) => d.myStatus === 'awaiting-exchange')) throw new AppError('CONFLICT', 'The originals have not been exchanged yet.');
    if (status.documents.some((d) => d.myStatus === 'not-your-turn')) throw new AppError('CONFLICT', 'It is not your turn to sign yet.');
    throw new AppError('FORBIDDEN', 'You have no field to sign.');
  }
  const signed = [];
  for (const document of due) {
    signed.push({ documentId: document.id, ...(await signAgreement({ ...input, documentId: document.id, idempotencyKey: perDocumentKey(input.idempotencyKey, document.id) })) });
  }
  return { signed };
}

/** A replay of a confirmation that already went through answers with what it signed. */
async function alreadyDoneForKey(input: { idempotencyKey: string; userId: string }, documentIds: string[]) {
  const keys = documentIds.map((documentId) => perDocumentKey(input.idempotencyKey, documentId));
  const rows = await db.signature.findMany({
    where: { idempotencyKey: { in: keys }, participant: { userId: input.userId } },
    select: { id: true, documentId: true, revision: { select: { number: true, sha256: true } } },
  });
  return rows.map((row) => ({ documentId: row.documentId, signatureId: row.id, revisionNumber: row.revision.number, sha256: row.revision.sha256, replayed: true }));
}

function perDocumentKey(key: string, documentId: string): string {
  return `${key}-${documentId}`.slice(0, 100);
}
