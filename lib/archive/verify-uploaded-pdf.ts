import 'server-only';
import { X509Certificate } from 'node:crypto';
import { isArchivedState } from '@/lib/access/access-sets';
import { requireArchiveViewer, type ArchiveViewer } from '@/lib/access/archive-access';
import { verifyPdfInWorker } from '@/lib/archive/verify-pdf-in-worker';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { inspectPdfInPool, pdfRefusalCodeOf } from '@/lib/documents/pdf-inspector-pool';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import type { PdfRefusalCode } from '@accord/pdf-signing/inspection-rules';
import type { SignatureReport, VerificationReport } from '@accord/pdf-signing/verify-pdf-signatures';
import { sha256Hex, sha256HexOfPrefixes } from '@/lib/crypto/sha256';

/**
 * The same verdict as accord-verify, with the deployment's configured roots as the trust anchors:
 * valid: every signature intact, trusted, only permitted changes after each, the last covers the file;
 * untrusted: intact and unmodified, but a signer does not chain to the configured roots;
 * modified: a change after a signature that a signed document may not receive (named per signature);
 * valid-but-modified-after-signing: intact, but bytes were added after the last signature;
 * invalid: a signature is broken (digest, CMS, ByteRange, /Contents, or a signature value that signs nothing);
 * not-signed / not-a-pdf.
 * Whether the file is one of our revisions is said beside the verdict, never instead of it.
 */
export type ArchiveVerdict = 'valid' | 'valid-but-modified-after-signing' | 'untrusted' | 'modified' | 'invalid' | 'not-signed' | 'not-a-pdf';

/** Structural refusals that still leave signatures worth checking (a tampered file is what verify is for). */
const checkableDespite: readonly PdfRefusalCode[] = ['TRUNCATED', 'MALFORMED', 'NO_PAGES'];

export interface RevisionMatch {
  /** Bytes of the upload that are one of our revisions: all of it, or the signed part before appended bytes. */
  matchedBytes: number;
  revisionNumber: number;
  revisionKind: string;
  isNewest: boolean;
  /** Null when the caller may not see that ceremony: the file is ours, which one is not said. */
  ceremony: { id: string; title: string; documentTitle: string; language: string; inArchive: boolean; createdAt: Date } | null;
}

export interface ArchiveVerification {
  verdict: ArchiveVerdict;
  /** Plain English, for API clients and logs; the page words it per language from the fields. */
  reason: string;
  sha256: string;
  byteLength: number;
  exactMatch: RevisionMatch | null;
  /** When not an exact match: the longest signed prefix of the upload that is one of our revisions. */
  prefixMatch: RevisionMatch | null;
  signatures: SignatureReport[];
  /** Bytes after the last signature (0 when the last one covers the file). */
  bytesAfterLastSignature: number;
  allChainToPlatformCa: boolean;
  structureProblem: { reason: PdfRefusalCode; message: string } | null;
}

function derOfPem(pem: string[]): Uint8Array[] {
  return pem.flatMap((text) =>
    (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) => new Uint8Array(new X509Certificate(block).raw)),
  );
}

async function describeMatch(viewer: ArchiveViewer, sha256: string, matchedBytes: number): Promise<RevisionMatch | null> {
  const revision = await db.documentRevision.findFirst({
    where: { sha256, byteLength: matchedBytes },
    orderBy: { createdAt: 'asc' },
    select: {
      number: true,
      kind: true,
      createdAt: true,
      document: {
        select: {
          title: true,
          language: true,
          specimen: true,
          _count: { select: { revisions: true } },
          ceremony: {
            select: {
              id: true,
              title: true,
              state: true,
              participants: { where: { userId: viewer.userId, role: 'organiser', removedAt: null }, select: { id: true } },
            },
          },
        },
      },
    },
  });
  if (!revision) return null;
  const { ceremony } = revision.document;
  const organises = ceremony.participants.length > 0;
  const inArchive = isArchivedState(ceremony.state) && (viewer.kind === 'archivist' || organises);
  return {
    matchedBytes,
    revisionNumber: revision.number,
    revisionKind: revision.kind,
    isNewest: revision.number === revision.document._count.revisions - 1,
    ceremony:
      inArchive || organises
        ? {
            id: ceremony.id,
            title: ceremony.title,
            documentTitle: revision.document.title,
            language: revision.document.language,
            inArchive,
            createdAt: revision.createdAt,
          }
        : null,
  };
}

function overall(report: VerificationReport, exactMatch: RevisionMatch | null): { verdict: ArchiveVerdict; reason: string } {
  if (report.verdict === 'valid' && exactMatch) return { verdict: 'valid', reason: `${report.reason} The file is byte-for-byte one of our revisions.` };
  return { verdict: report.verdict, reason: report.reason };
}

/**
 * Checks an uploaded PDF for an archivist or organiser. The upload is never stored: only
 * its SHA-256 and the verdict go into the platform audit log. The structure is inspected
 * first by the PDF inspector (the upload's limits), then the signatures are checked in a worker.
 */
export async function verifyUploadedPdf({ userId, bytes }: { userId: string; bytes: Uint8Array }): Promise<ArchiveVerification> {
  const viewer = await requireArchiveViewer(db, { userId });
  const sha256 = sha256Hex(bytes);
  const base = {
    sha256,
    byteLength: bytes.length,
    exactMatch: null,
    prefixMatch: null,
    signatures: [],
    bytesAfterLastSignature: 0,
    allChainToPlatformCa: false,
  };

  let structureProblem: ArchiveVerification['structureProblem'] = null;
  try {
    // The same inspector as every upload, judging structure and decoding only: signed and tampered files are what verify is for.
    await inspectPdfInPool(bytes, { policy: 'structure' });
  } catch (error) {
    const reason = pdfRefusalCodeOf(error);
    if (reason === 'NOT_A_PDF') {
      const result: ArchiveVerification = {
        ...base,
        verdict: 'not-a-pdf',
        reason: error instanceof Error ? error.message : 'This file is not a PDF.',
        structureProblem: null,
      };
      await record(userId, result);
      return result;
    }
    if (!reason || !checkableDespite.includes(reason)) throw error;
    structureProblem = { reason, message: (error as Error).message };
  }

  const { trustedCaPem } = await loadPlatformIdentity();
  const report = await verifyPdfInWorker(bytes, { trustedCaDer: derOfPem(trustedCaPem) });

  const exactMatch = await describeMatch(viewer, sha256, bytes.length);
  let prefixMatch: RevisionMatch | null = null;
  if (!exactMatch) {
    const ends = report.signatures
      .filter((signature) => signature.byteRangeSane && signature.byteRange)
      .map((signature) => signature.byteRange![2]! + signature.byteRange![3]!);
    // The whole file was looked up as the exact match already.
    const hashes = [
      ...sha256HexOfPrefixes(
        bytes,
        ends.filter((end) => end < bytes.length),
      ),
    ].sort(([a], [b]) => b - a);
    for (const [end, hash] of hashes) {
      prefixMatch = await describeMatch(viewer, hash, end);
      if (prefixMatch) break;
    }
  }
  const lastEnd = Math.max(0, ...report.signatures.filter((s) => s.byteRangeSane && s.byteRange).map((s) => s.byteRange![2]! + s.byteRange![3]!));
  const result: ArchiveVerification = {
    ...overall(report, exactMatch),
    sha256,
    byteLength: bytes.length,
    exactMatch,
    prefixMatch,
    signatures: report.signatures,
    bytesAfterLastSignature: report.signatures.length > 0 && lastEnd > 0 ? Math.max(0, bytes.length - lastEnd) : 0,
    allChainToPlatformCa: report.allTrusted,
    structureProblem,
  };
  await record(userId, result);
  return result;
}

async function record(userId: string, result: ArchiveVerification): Promise<void> {
  await transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actorUserId: userId,
      kind: 'archive.pdf-verified',
      payload: {
        sha256: result.sha256,
        byteLength: result.byteLength,
        verdict: result.verdict,
        signatures: result.signatures.length,
        matchedCeremonyId: result.exactMatch?.ceremony?.id ?? result.prefixMatch?.ceremony?.id ?? null,
      },
    });
  });
}
