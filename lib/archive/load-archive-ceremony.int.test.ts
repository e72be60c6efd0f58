import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveCeremony } from '@/lib/archive/load-archive-ceremony';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { createUser } from '@/test/factories';

let ceremony: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;

beforeAll(async () => {
  ceremony = await createConcludedCeremony({ title: 'Record test ceremony' });
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
  const signer = ceremony.parties[0]!;
  await transaction(async (tx) => {
    await appendAuditEvent(tx, {
      ceremonyId: ceremony.ceremonyId,
      actorUserId: signer.userId,
      kind: 'participant.joined',
      payload: { name: signer.signer, role: 'signatory', occurredAt: '2026-11-26T09:01:00.000Z' },
    });
    await appendAuditEvent(tx, {
      ceremonyId: ceremony.ceremonyId,
      actorUserId: signer.userId,
      kind: 'participant.left',
      payload: { name: signer.signer, role: 'signatory', occurredAt: '2026-11-26T10:15:00.000Z' },
    });
  });
});

describe('loadArchiveCeremony', () => {
  it('lists every revision with who, SHA-256 and the previous SHA-256, the signatures, the attendance and an intact chain', async () => {
    const record = await loadArchiveCeremony({ ceremonyId: ceremony.ceremonyId, userId: archivistId });
    const [document] = record.documents;
    expect(document!.revisions.map((revision) => revision.kind)).toEqual(['original', 'prepared', 'signed', 'signed', 'sealed']);
    expect(document!.sealed).toBe(true);
    document!.revisions.forEach((revision, index) => {
      expect(revision.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(revision.previousSha256).toBe(index === 0 ? null : document!.revisions[index - 1]!.sha256);
    });
    expect(document!.revisions[2]!.createdBy).toBe(ceremony.parties.find((p) => p.signer === document!.revisions[2]!.signature?.signerName)?.signer);
    // The closing seal is a revision of kind 'sealed', not a Signature row.
    expect(record.signatures.map((signature) => signature.kind)).toEqual(['signatory', 'signatory']);
    expect(record.signatures[0]).toMatchObject({ ipAddress: '203.0.113.9', userAgent: 'vitest' });
    expect(record.attendance.map((entry) => [entry.kind, entry.name, entry.at.toISOString()])).toEqual([
      ['participant.joined', ceremony.parties[0]!.signer, '2026-11-26T09:01:00.000Z'],
      ['participant.left', ceremony.parties[0]!.signer, '2026-11-26T10:15:00.000Z'],
    ]);
    expect(record.artefacts.map((artefact) => artefact.kind).sort()).toEqual(['certificate', 'evidence-package']);
    expect(record.auditChain).toMatchObject({ intact: true });
  });

  it('hostile case "Edited audit event": an audit event edited in the database is named as the first broken link', async () => {
    const victim = await db.auditEvent.findFirstOrThrow({ where: { chain: ceremony.ceremonyId, kind: 'participant.joined' } });
    await db.auditEvent.update({ where: { id: victim.id }, data: { payload: victim.payload.replace('09:01', '08:01') } });
    const record = await loadArchiveCeremony({ ceremonyId: ceremony.ceremonyId, userId: archivistId });
    expect(record.auditChain).toMatchObject({ intact: false, brokenSeq: victim.seq, brokenEventId: victim.id, brokenKind: 'participant.joined' });
    expect(record.auditChain.intact ? '' : record.auditChain.reason).toMatch(/altered/);
  });
});
