import 'server-only';
import { requireArchivedCeremony } from '@/lib/access/archive-access';
import { auditLogCsv, auditLogJson } from '@/lib/archive/audit-log-export';
import type { DownloadableArtefact } from '@/lib/archive/schemas';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, readBlob, transaction } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError, notFound } from '@/lib/errors';
import { sha256Hex } from '@/lib/crypto/sha256';

export interface ArchiveDownload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const baseName = (fileName: string) => fileName.replace(/\.pdf$/i, '');

/**
 * One file of a concluded ceremony, for someone allowed to read it (checked here, on every
 * request): a revision of an original (default: the newest, i.e. the sealed PDF), rebuilt
 * from its stored parts and checked against its stored SHA-256 before it leaves; the
 * certificate of completion; the evidence package; the audit log as JSON or CSV. Each
 * download is written to the ceremony's audit log.
 */
export async function downloadArchiveArtefact({
  ceremonyId,
  userId,
  artefact,
  documentId,
  revisionNumber,
}: {
  ceremonyId: string;
  userId: string;
  artefact: DownloadableArtefact;
  documentId?: string;
  revisionNumber?: number;
}): Promise<ArchiveDownload> {
  const { ceremony } = await requireArchivedCeremony(db, { ceremonyId, userId });

  if (artefact === 'audit-log-json' || artefact === 'audit-log-csv') {
    // The export includes its own download event: the log says who took a copy, up to then.
    return transaction(async (tx) => {
      const fileName = `audit-log-${ceremonyId}.${artefact === 'audit-log-json' ? 'json' : 'csv'}`;
      await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'artefact.downloaded', payload: { artefact, fileName } });
      const events = await tx.auditEvent.findMany({ where: { chain: ceremonyId }, orderBy: { seq: 'asc' } });
      const bytes = utf8(artefact === 'audit-log-json' ? auditLogJson(events) : auditLogCsv(events));
      return {
        fileName,
        contentType: artefact === 'audit-log-json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        bytes,
        sha256: sha256Hex(bytes),
      };
    });
  }

  let download: ArchiveDownload;
  let record: Record<string, unknown>;
  if (artefact === 'document') {
    const document = documentId
      ? await db.agreementDocument.findFirst({ where: { id: documentId, ceremonyId, specimen: false }, select: { id: true, fileName: true } })
      : null;
    if (!document) throw notFound('Document not found', 'document-not-found');
    const newest = await db.documentRevision.findFirst({ where: { documentId: document.id }, orderBy: { number: 'desc' }, select: { number: true } });
    if (!newest || (revisionNumber !== undefined && revisionNumber > newest.number)) throw notFound('Revision not found', 'revision-not-found');
    const { bytes, revision } = await readRevisionBytes({ documentId: document.id, number: revisionNumber });
    const actual = sha256Hex(bytes);
    if (actual !== revision.sha256) {
      throw new AppError('INTERNAL', `Revision ${revision.number} of document ${document.id} does not match its stored SHA-256; it is not sent.`);
    }
    const isSealedNewest = revision.number === newest.number && revision.kind === 'sealed';
    download = {
      fileName: `${baseName(document.fileName)}.${isSealedNewest ? 'sealed' : `rev${revision.number}`}.pdf`,
      contentType: 'application/pdf',
      bytes,
      sha256: actual,
    };
    record = { artefact, documentId: document.id, revisionNumber: revision.number, revisionKind: revision.kind };
  } else {
    const stored = await db.artefact.findFirst({
      where: { ceremonyId, kind: artefact },
      orderBy: { createdAt: 'desc' },
      select: { id: true, fileName: true, contentType: true, sha256: true, purgedAt: true },
    });
    if (!stored) throw notFound('This ceremony has no such file', 'artefact-not-found');
    if (stored.purgedAt) {
      throw new AppError(
        'INVALID_STATE',
        `This file was deleted on ${stored.purgedAt.toISOString().slice(0, 10)} under the retention policy.`,
        { artefact: 'PURGED' },
        { reason: 'artefact-purged', params: { date: stored.purgedAt.toISOString().slice(0, 10) } },
      );
    }
    // A purge between these two reads empties the bytes: the hash check then refuses to send them.
    const bytes = await readBlob(db, 'Artefact.bytes', stored.id);
    const actual = sha256Hex(bytes);
    if (actual !== stored.sha256) throw new AppError('INTERNAL', `Artefact ${stored.id} does not match its stored SHA-256; it is not sent.`);
    download = { fileName: stored.fileName, contentType: stored.contentType, bytes, sha256: actual };
    record = { artefact, artefactId: stored.id };
  }

  await transaction(async (tx) => {
    await appendAuditEvent(tx, {
      ceremonyId: ceremony.id,
      actorUserId: userId,
      kind: 'artefact.downloaded',
      payload: { ...record, fileName: download.fileName, sha256: download.sha256, byteLength: download.bytes.length },
    });
  });
  return download;
}
