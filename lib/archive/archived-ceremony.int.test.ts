import { beforeAll, describe, expect, it } from 'vitest';
import { downloadArchiveArtefact } from '@/lib/archive/download-archive-artefact';
import { loadArchiveCeremony } from '@/lib/archive/load-archive-ceremony';
import { searchArchive } from '@/lib/archive/search-archive';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { db } from '@/lib/db';
import { certificatesFromPem, verifyEvidencePackage } from '@/lib/evidence/verify-evidence-package';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { createUser } from '@/test/factories';

/**
 * Ending a concluded ceremony for everyone moves it on to ARCHIVED (lib/live/end-ceremony-for-all.ts,
 * tested with the live room): the archive keeps listing and serving it exactly as a CONCLUDED one.
 */
let concluded: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archived: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;
const tag = `archived-${Date.now().toString(36)}`;

beforeAll(async () => {
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
  concluded = await createConcludedCeremony({ title: `Concluded ${tag}` });
  archived = await createConcludedCeremony({ title: `Archived ${tag}` });
  // The state end-for-all leaves behind (the live room's tests drive it through the use-case).
  await db.ceremony.update({ where: { id: archived.ceremonyId }, data: { state: 'ARCHIVED', archivedAt: new Date() } });
});

describe('an ARCHIVED ceremony in the archive', () => {
  it('is found by search beside the CONCLUDED ones, by an archivist and by its own organiser', async () => {
    const search = { query: tag, sort: 'title-asc' as const, page: 1 };
    const byArchivist = await searchArchive({ userId: archivistId, search, timeZone: 'UTC' });
    expect(byArchivist.items.map((item) => [item.id, item.state])).toEqual([
      [archived.ceremonyId, 'ARCHIVED'],
      [concluded.ceremonyId, 'CONCLUDED'],
    ]);
    const byOrganiser = await searchArchive({ userId: archived.organiserId, search, timeZone: 'UTC' });
    expect(byOrganiser.items.map((item) => item.id)).toEqual([archived.ceremonyId]);
  });

  it('loads its record and serves its sealed original and evidence package', async () => {
    const record = await loadArchiveCeremony({ ceremonyId: archived.ceremonyId, userId: archivistId });
    expect(record.ceremony).toMatchObject({ state: 'ARCHIVED', archivedAt: expect.any(Date) });
    expect(record.documents[0]!.sealed).toBe(true);
    expect(record.auditChain).toMatchObject({ intact: true });

    const sealed = await downloadArchiveArtefact({
      ceremonyId: archived.ceremonyId,
      userId: archived.organiserId,
      artefact: 'document',
      documentId: archived.documentId,
    });
    expect(sealed.contentType).toBe('application/pdf');
    const evidence = await downloadArchiveArtefact({ ceremonyId: archived.ceremonyId, userId: archivistId, artefact: 'evidence-package' });
    expect(verifyEvidencePackage('evidence.zip', evidence.bytes, certificatesFromPem((await loadPlatformIdentity()).trustedCaPem.join('\n'))).exitCode).toBe(0);
  });

  it('stays out of reach of its signatories, as before', async () => {
    await expect(loadArchiveCeremony({ ceremonyId: archived.ceremonyId, userId: archived.parties[0]!.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
