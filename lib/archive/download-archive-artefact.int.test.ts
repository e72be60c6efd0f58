import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadArchiveArtefact } from '@/lib/archive/download-archive-artefact';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { verifyChain } from '@/lib/audit/hash-chain';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { certificatesFromPem, verifyEvidencePackage } from '@/lib/evidence/verify-evidence-package';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { createUser } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

let ceremony: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;
beforeAll(async () => {
  ceremony = await createConcludedCeremony({ title: 'Download test ceremony' });
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
});

async function downloadEvents() {
  const events = await db.auditEvent.findMany({ where: { chain: ceremony.ceremonyId, kind: 'artefact.downloaded' }, orderBy: { seq: 'asc' } });
  return events.map((event) => ({ actor: event.actorUserId, ...JSON.parse(event.payload) }));
}

describe('downloadArchiveArtefact', () => {
  it('every download of every kind writes an audit event naming who took which file', async () => {
    const before = (await downloadEvents()).length;
    const sealed = await downloadArchiveArtefact({
      ceremonyId: ceremony.ceremonyId,
      userId: archivistId,
      artefact: 'document',
      documentId: ceremony.documentId,
    });
    const stored = await readRevisionBytes({ documentId: ceremony.documentId });
    expect(Buffer.from(sealed.bytes).equals(Buffer.from(stored.bytes))).toBe(true);
    expect(sealed).toMatchObject({ contentType: 'application/pdf', sha256: stored.revision.sha256, fileName: 'agreement-LNI 4.0.sealed.pdf' });

    const revision0 = await downloadArchiveArtefact({
      ceremonyId: ceremony.ceremonyId,
      userId: archivistId,
      artefact: 'document',
      documentId: ceremony.documentId,
      revisionNumber: 0,
    });
    expect(revision0.fileName).toBe('agreement-LNI 4.0.rev0.pdf');

    const certificate = await downloadArchiveArtefact({ ceremonyId: ceremony.ceremonyId, userId: archivistId, artefact: 'certificate' });
    expect(certificate.contentType).toBe('application/pdf');
    const evidence = await downloadArchiveArtefact({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiserId, artefact: 'evidence-package' });
    expect(evidence.contentType).toBe('application/zip');
    expect(verifyEvidencePackage('evidence.zip', evidence.bytes, certificatesFromPem((await loadPlatformIdentity()).trustedCaPem.join('\n'))).exitCode).toBe(0);
    expect(Object.keys(unzipSync(evidence.bytes))).toContain('audit-log.json');

    const json = await downloadArchiveArtefact({ ceremonyId: ceremony.ceremonyId, userId: archivistId, artefact: 'audit-log-json' });
    const log = JSON.parse(new TextDecoder().decode(json.bytes)) as Parameters<typeof verifyChain>[0];
    expect(verifyChain(log)).toMatchObject({ intact: true });
    expect(log.at(-1)).toMatchObject({ kind: 'artefact.downloaded', actorUserId: archivistId });

    const csv = await downloadArchiveArtefact({ ceremonyId: ceremony.ceremonyId, userId: archivistId, artefact: 'audit-log-csv' });
    const lines = new TextDecoder()
      .decode(csv.bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(lines[0]).toBe('seq,createdAt,kind,actorUserId,payload,prevHash,hash,id,chain,ceremonyId');
    expect(lines.length).toBe(log.length + 2); // header, every event, and the CSV download's own event

    const events = (await downloadEvents()).slice(before);
    expect(events.map((event) => [event.artefact, event.actor])).toEqual([
      ['document', archivistId],
      ['document', archivistId],
      ['certificate', archivistId],
      ['evidence-package', ceremony.organiserId],
      ['audit-log-json', archivistId],
      ['audit-log-csv', archivistId],
    ]);
    expect(events[0]).toMatchObject({
      documentId: ceremony.documentId,
      revisionKind: 'sealed',
      sha256: stored.revision.sha256,
      byteLength: stored.bytes.length,
    });
    expect(events[1]).toMatchObject({ revisionNumber: 0, revisionKind: 'original' });
    expect(events[2].sha256).toBe(sha256Hex(certificate.bytes));
  });

  it('refuses to send a revision whose stored bytes no longer match its SHA-256, and logs no download', async () => {
    const other = await createConcludedCeremony({ title: 'Download test tampered' });
    const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId: other.documentId, number: 0 } });
    const bytes = Buffer.from(revision.appendedBytes);
    bytes[100] = bytes[100]! ^ 0xff;
    await db.documentRevision.update({ where: { id: revision.id }, data: { appendedBytes: new Uint8Array(bytes) } });
    await expect(
      downloadArchiveArtefact({ ceremonyId: other.ceremonyId, userId: archivistId, artefact: 'document', documentId: other.documentId }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await db.auditEvent.count({ where: { chain: other.ceremonyId, kind: 'artefact.downloaded' } })).toBe(0);
  });

  it('a document of another ceremony, or a revision that does not exist: NOT_FOUND', async () => {
    const other = await createConcludedCeremony({ title: 'Download test other' });
    await expect(
      downloadArchiveArtefact({ ceremonyId: ceremony.ceremonyId, userId: archivistId, artefact: 'document', documentId: other.documentId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      downloadArchiveArtefact({
        ceremonyId: ceremony.ceremonyId,
        userId: archivistId,
        artefact: 'document',
        documentId: ceremony.documentId,
        revisionNumber: 99,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
