import 'server-only';
import { requireAccess, requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { inspectPdfInPool, pdfRefusal } from '@/lib/documents/pdf-inspector-pool';
import { uploadMetadataSchema, type UploadMetadata } from '@/lib/documents/schemas';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { sha256Hex } from '@/lib/crypto/sha256';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function hasPdfMagic(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, index) => bytes[index] === byte);
}

/**
 * Stores one language version of the agreement: the file is checked (magic bytes, then the
 * PDF inspector in its worker pool, with the agreement policy) and kept unchanged as
 * revision 0 with its SHA-256 — or, when the organiser asked for a clean copy, the
 * inspector's fresh copy is kept instead — in one transaction with the audit event. Nothing
 * is stored for a refused file. Returns the pre-flight summary the upload screen shows.
 */
export async function uploadAgreementDocument({
  ceremonyId,
  userId,
  bytes,
  ...metadata
}: UploadMetadata & { ceremonyId: string; userId: string; bytes: Uint8Array<ArrayBuffer> }) {
  const parsed = uploadMetadataSchema.safeParse(metadata);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the document details.', fieldErrorsFromZod(parsed.error));
  const meta = parsed.data;
  // Cheap checks first: no worker is started for someone who may not upload here.
  await requireAccess(db, { ceremonyId, userId }, 'manage-documents');
  if (!hasPdfMagic(bytes)) throw pdfRefusal('NOT_A_PDF', 'The file is not a PDF: it does not start with %PDF-.');
  const inspection = await inspectPdfInPool(bytes, { policy: 'agreement', cleanCopy: meta.cleanCopy });
  // A clean copy, when asked for, is what gets hashed, stored and signed; the upload's hash stays in the audit log.
  const stored = inspection.cleanCopy ? new Uint8Array(inspection.cleanCopy.bytes) : bytes;
  const original = revisionFileOf(stored);
  const { sha256 } = original;
  const uploadedSha256 = inspection.cleanCopy ? sha256Hex(bytes) : sha256;
  const preflight = { pages: inspection.pages, summary: inspection.summary, dropped: inspection.cleanCopy?.dropped ?? [] };

  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-documents');
    if (meta.originalForDelegationId) {
      const delegation = await tx.delegation.findFirst({ where: { id: meta.originalForDelegationId, ceremonyId }, select: { id: true } });
      if (!delegation)
        throw new AppError('INVALID_INPUT', 'Unknown delegation.', { originalForDelegationId: 'unknownDelegation' }, { reason: 'delegation-unknown' });
    }
    const existing = await tx.agreementDocument.findMany({
      where: { ceremonyId, specimen: false },
      select: { language: true, originalSha256: true, originalForDelegationId: true },
    });
    if (existing.some((document) => document.originalSha256 === sha256)) {
      throw new AppError('CONFLICT', 'This file has already been uploaded to this ceremony.', { file: 'DUPLICATE' }, { reason: 'file-duplicate' });
    }
    if (existing.some((document) => document.language === meta.language && document.originalForDelegationId === meta.originalForDelegationId)) {
      throw new AppError('CONFLICT', 'There is already a document in this language.', { language: 'languageTaken' }, { reason: 'language-taken' });
    }
    const document = await tx.agreementDocument.create({
      data: {
        ceremonyId,
        language: meta.language,
        title: meta.title,
        fileName: meta.fileName,
        authentic: meta.authentic,
        originalForDelegationId: meta.originalForDelegationId,
        originalSha256: sha256,
        originalByteSize: stored.byteLength,
        pageCount: inspection.pageCount,
        pageSizes: JSON.stringify(inspection.pages),
        uploadedById: userId,
      },
      select: { id: true, title: true, language: true, pageCount: true, originalSha256: true, originalByteSize: true },
    });
    await appendRevision(tx, { documentId: document.id, after: null, kind: 'original', file: original, createdById: userId });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'document.uploaded',
      payload: {
        documentId: document.id,
        language: meta.language,
        title: meta.title,
        fileName: meta.fileName,
        authentic: meta.authentic,
        originalForDelegationId: meta.originalForDelegationId,
        sha256,
        byteLength: stored.byteLength,
        pageCount: inspection.pageCount,
        ...(inspection.cleanCopy
          ? { cleanCopyOf: { sha256: uploadedSha256, byteLength: bytes.byteLength, dropped: preflight.dropped.map((finding) => finding.kind) } }
          : {}),
        links: inspection.summary.links,
      },
    });
    return { ...document, preflight };
  });
}
