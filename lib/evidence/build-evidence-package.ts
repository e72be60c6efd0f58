import 'server-only';
import { zipSync } from 'fflate';
import { isArchivedState } from '@/lib/access/access-sets';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, lockForUpdate, readBlob, readBlobs, transaction } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { signDetached } from '@accord/pdf-signing/sign-detached';
import { sha256Hex } from '@/lib/crypto/sha256';

export const EVIDENCE_PACKAGE_KIND = 'evidence-package';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The evidence package of a concluded ceremony (zip): every sealed original, the
 * certificate of completion (PAdES-sealed by the platform), the audit log (JSON, with
 * every field needed to recompute its hash chain), the platform CA for reference, and a
 * manifest of SHA-256 sums and of each original's revisions, signed by the platform
 * identity (detached CMS in manifest.json.p7s). `accord-verify` checks it offline,
 * trusting only the roots its user names. Built once; later calls return the stored package.
 */
export async function buildEvidencePackage({ ceremonyId, actorUserId }: { ceremonyId: string; actorUserId: string | null }) {
  const existing = await db.artefact.findFirst({ where: { ceremonyId, kind: EVIDENCE_PACKAGE_KIND }, orderBy: { createdAt: 'desc' }, omit: { bytes: true } });
  if (existing) return { ...existing, bytes: await readBlob(db, 'Artefact.bytes', existing.id) };
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    include: {
      documents: { where: { specimen: false }, orderBy: { createdAt: 'asc' } },
      artefacts: { where: { kind: 'certificate' }, select: { id: true } },
      delegations: { select: { id: true, name: true } },
    },
  });
  if (!isArchivedState(ceremony.state))
    throw new AppError('INVALID_STATE', 'Only a concluded ceremony has an evidence package.', undefined, { reason: 'evidence-needs-conclusion' });
  const certificate = ceremony.artefacts[0];
  if (!certificate) throw new AppError('INVALID_STATE', 'The certificate of completion is missing.', undefined, { reason: 'certificate-missing' });

  const files: Record<string, Uint8Array> = {};
  const originals: { path: string; documentId: string; language: string; revisions: { number: number; sha256: string; byteLength: number }[] }[] = [];
  for (const document of ceremony.documents) {
    const { bytes, revision } = await readRevisionBytes({ documentId: document.id });
    if (sha256Hex(bytes) !== revision.sha256) throw new AppError('INTERNAL', `Stored revision of "${document.title}" does not match its hash.`);
    const delegation = ceremony.delegations.find((d) => d.id === document.originalForDelegationId)?.name ?? 'joint';
    const path = uniquePath(
      files,
      `originals/${safeFileName(document.language)}-${safeFileName(delegation)}-${safeFileName(document.fileName.replace(/\.pdf$/i, ''))}`,
      '.sealed.pdf',
    );
    files[path] = bytes;
    const revisions = await db.documentRevision.findMany({
      where: { documentId: document.id },
      orderBy: { number: 'asc' },
      select: { number: true, sha256: true, byteLength: true },
    });
    originals.push({ path, documentId: document.id, language: document.language, revisions });
  }
  files['certificate-of-completion.pdf'] = await readBlob(db, 'Artefact.bytes', certificate.id);
  const letters = await db.fullPowers.findMany({
    where: { participant: { ceremonyId } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true, participant: { select: { displayName: true } } },
  });
  const letterBytes = await readBlobs(
    db,
    'FullPowers.bytes',
    letters.map((letter) => letter.id),
  );
  for (const [index, letter] of letters.entries()) {
    const safeName = safeFileName(letter.participant.displayName) || 'signatory';
    files[`full-powers/${String(index + 1).padStart(2, '0')}-${safeName}-${letter.status}.pdf`] = letterBytes[index]!;
  }
  const events = await db.auditEvent.findMany({ where: { chain: ceremonyId }, orderBy: { seq: 'asc' } });
  files['audit-log.json'] = utf8(
    JSON.stringify(
      events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
      null,
      2,
    ),
  );
  const { trustedCaPem, identity } = await loadPlatformIdentity();
  // For reference only: a verifier trusts the roots its user names, never one the package carries.
  if (trustedCaPem.length > 0) files['trust/platform-ca.pem'] = utf8(trustedCaPem.join('\n'));
  const manifest = {
    format: 'accord-evidence/1',
    ceremonyId,
    title: ceremony.title,
    concludedAt: ceremony.concludedAt?.toISOString() ?? null,
    developmentCertificate: identity.isDevelopment,
    auditHeadHash: events.at(-1)?.hash ?? null,
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), bytes: bytes.length })),
    originals,
  };
  files['manifest.json'] = utf8(JSON.stringify(manifest, null, 2));
  files['manifest.json.p7s'] = await signDetached({ content: files['manifest.json'], identity });
  // PDFs do not compress further; level 0 keeps packaging fast on large agreements.
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { level: path.endsWith('.pdf') ? 0 : 6 }]])));

  return transaction(async (tx) => {
    // Two processes may build at once (a resumed job and a late caller): the second to
    // get here finds the first's package instead of storing another.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const again = await tx.artefact.findFirst({ where: { ceremonyId, kind: EVIDENCE_PACKAGE_KIND }, omit: { bytes: true } });
    if (again) return { ...again, bytes: await readBlob(tx, 'Artefact.bytes', again.id) };
    const artefact = await tx.artefact.create({
      data: {
        ceremonyId,
        kind: EVIDENCE_PACKAGE_KIND,
        fileName: `evidence-${ceremonyId}.zip`,
        contentType: 'application/zip',
        bytes: new Uint8Array(zip),
        sha256: sha256Hex(zip),
        byteLength: zip.length,
      },
      // Returning the stored bytes would read them back through Prisma's slow BLOB path (readBlobs in lib/db.ts).
      omit: { bytes: true },
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId,
      kind: 'evidence.packaged',
      payload: { artefactId: artefact.id, sha256: artefact.sha256, files: manifest.files.length },
    });
    return { ...artefact, bytes: zip };
  });
}

function safeFileName(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-|-$/g, '');
}

/** Two originals may share a file name (one per language or party): each keeps its own entry. */
function uniquePath(files: Record<string, Uint8Array>, stem: string, extension: string): string {
  let path = `${stem}${extension}`;
  for (let n = 2; files[path]; n++) path = `${stem}-${n}${extension}`;
  return path;
}
