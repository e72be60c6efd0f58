import { beforeAll, describe, expect, it } from 'vitest';
import { downloadArchiveArtefact } from '@/lib/archive/download-archive-artefact';
import { liftLegalHold } from '@/lib/archive/lift-legal-hold';
import { purgeExpiredArtefacts } from '@/lib/archive/purge-expired-artefacts';
import { setLegalHold } from '@/lib/archive/set-legal-hold';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { createUser } from '@/test/factories';

const DAY = 86_400_000;
const now = new Date();
let expired: Awaited<ReturnType<typeof createConcludedCeremony>>;
let held: Awaited<ReturnType<typeof createConcludedCeremony>>;
let recent: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;

const artefactsOf = (ceremonyId: string) => db.artefact.findMany({ where: { ceremonyId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
  expired = await createConcludedCeremony({ title: 'Retention expired', concludedAt: new Date(now.getTime() - 400 * DAY) });
  held = await createConcludedCeremony({ title: 'Retention held', concludedAt: new Date(now.getTime() - 400 * DAY) });
  recent = await createConcludedCeremony({ title: 'Retention recent', concludedAt: new Date(now.getTime() - 10 * DAY) });
  await setLegalHold({ ceremonyId: held.ceremonyId, userId: archivistId, reason: 'Pending arbitration' });
});

describe('purgeExpiredArtefacts (retention and legal hold)', () => {
  it('keeps everything when RETENTION_DAYS is unset', async () => {
    const report = await purgeExpiredArtefacts({ now, retentionDays: undefined });
    expect(report).toEqual({ retentionDays: null, cutoff: null, purged: [], heldCeremonyIds: [] });
    expect((await artefactsOf(expired.ceremonyId)).every((artefact) => artefact.purgedAt === null && artefact.bytes.length > 0)).toBe(true);
  });

  it('empties the artefacts of ceremonies past retention, not on hold, with an audit event each; revisions stay', async () => {
    const sealedBefore = await readRevisionBytes({ documentId: expired.documentId });
    const report = await purgeExpiredArtefacts({ now, retentionDays: 365 });
    const purgedHere = report.purged.filter((entry) => [expired.ceremonyId, held.ceremonyId, recent.ceremonyId].includes(entry.ceremonyId));
    expect(purgedHere.map((entry) => [entry.ceremonyId, entry.kind]).sort()).toEqual([
      [expired.ceremonyId, 'certificate'],
      [expired.ceremonyId, 'evidence-package'],
    ]);
    expect(report.heldCeremonyIds).toContain(held.ceremonyId);

    const artefacts = await artefactsOf(expired.ceremonyId);
    expect(artefacts.every((artefact) => artefact.purgedAt !== null && artefact.bytes.length === 0 && artefact.sha256.length === 64)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { chain: expired.ceremonyId, kind: 'artefact.purged' } });
    expect(events.map((event) => JSON.parse(event.payload).artefactId).sort()).toEqual(artefacts.map((artefact) => artefact.id).sort());
    expect(await checkAuditChain({ ceremonyId: expired.ceremonyId })).toMatchObject({ intact: true });

    // The signed originals are evidence, not artefacts: untouched and still downloadable.
    const sealedAfter = await readRevisionBytes({ documentId: expired.documentId });
    expect(Buffer.from(sealedAfter.bytes).equals(Buffer.from(sealedBefore.bytes))).toBe(true);
    await expect(
      downloadArchiveArtefact({ ceremonyId: expired.ceremonyId, userId: archivistId, artefact: 'document', documentId: expired.documentId }),
    ).resolves.toMatchObject({ contentType: 'application/pdf' });
    await expect(downloadArchiveArtefact({ ceremonyId: expired.ceremonyId, userId: archivistId, artefact: 'certificate' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      fieldErrors: { artefact: 'PURGED' },
    });
  });

  it('never touches a ceremony on legal hold, nor one still within retention', async () => {
    for (const ceremony of [held, recent]) {
      const artefacts = await artefactsOf(ceremony.ceremonyId);
      expect(artefacts.length).toBe(2);
      expect(artefacts.every((artefact) => artefact.purgedAt === null && artefact.bytes.length === artefact.byteLength)).toBe(true);
      expect(await db.auditEvent.count({ where: { chain: ceremony.ceremonyId, kind: 'artefact.purged' } })).toBe(0);
    }
  });

  it('is idempotent: a second run purges nothing new and writes no event', async () => {
    const eventsBefore = await db.auditEvent.count({ where: { kind: 'artefact.purged' } });
    const report = await purgeExpiredArtefacts({ now, retentionDays: 365 });
    expect(report.purged.filter((entry) => entry.ceremonyId === expired.ceremonyId)).toEqual([]);
    expect(await db.auditEvent.count({ where: { kind: 'artefact.purged' } })).toBe(eventsBefore + report.purged.length);
  });

  it('once the hold is lifted, the next run purges that ceremony too', async () => {
    await liftLegalHold({ ceremonyId: held.ceremonyId, userId: archivistId, reason: 'Arbitration concluded' });
    const report = await purgeExpiredArtefacts({ now, retentionDays: 365 });
    expect(report.purged.filter((entry) => entry.ceremonyId === held.ceremonyId)).toHaveLength(2);
    expect(report.heldCeremonyIds).not.toContain(held.ceremonyId);
  });
});
