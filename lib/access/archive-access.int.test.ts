import { beforeAll, describe, expect, it } from 'vitest';
import { downloadArchiveArtefact } from '@/lib/archive/download-archive-artefact';
import { liftLegalHold } from '@/lib/archive/lift-legal-hold';
import { loadArchiveCeremony } from '@/lib/archive/load-archive-ceremony';
import { searchArchive } from '@/lib/archive/search-archive';
import { setLegalHold } from '@/lib/archive/set-legal-hold';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { downloadableArtefacts, type ArchiveSearch } from '@/lib/archive/schemas';
import { verifyUploadedPdf } from '@/lib/archive/verify-uploaded-pdf';
import { db } from '@/lib/db';
import { minimalPdf } from '@accord/pdf-signing/testing/hostile-pdfs';
import { createSigningCeremony, createUser } from '@/test/factories';

/**
 * Every archive use-case, by who asks (hostile cases "Cross-ceremony access" and "Archivist signs"): a participant of
 * another ceremony and anyone who is neither archivist nor the ceremony's organiser get
 * NOT_FOUND for a ceremony and FORBIDDEN for the archive-wide screens.
 */
let a: Awaited<ReturnType<typeof createConcludedCeremony>>;
let b: Awaited<ReturnType<typeof createConcludedCeremony>>;
let archivistId: string;

const search = (query: string): ArchiveSearch => ({ query, sort: 'concluded-desc', page: 1 });

function ceremonyScoped(userId: string, ceremonyId: string) {
  return [
    ['loadArchiveCeremony', () => loadArchiveCeremony({ ceremonyId, userId })],
    ...downloadableArtefacts.map(
      (artefact) => [`download ${artefact}`, () => downloadArchiveArtefact({ ceremonyId, userId, artefact, documentId: a.documentId })] as const,
    ),
    ['setLegalHold', () => setLegalHold({ ceremonyId, userId, reason: 'Litigation pending' })],
    ['liftLegalHold', () => liftLegalHold({ ceremonyId, userId, reason: 'Litigation settled' })],
  ] as const;
}

beforeAll(async () => {
  a = await createConcludedCeremony({ title: 'Access test A' });
  b = await createConcludedCeremony({ title: 'Access test B' });
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
});

describe('archive permissions', () => {
  it('a participant (signatory) of ceremony B gets NOT_FOUND for every use-case on ceremony A, and FORBIDDEN archive-wide', async () => {
    const outsider = b.parties[0]!.userId;
    for (const [name, call] of ceremonyScoped(outsider, a.ceremonyId)) {
      await expect(call(), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(searchArchive({ userId: outsider, search: search(''), timeZone: 'UTC' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(verifyUploadedPdf({ userId: outsider, bytes: minimalPdf() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the organiser of ceremony B gets NOT_FOUND for ceremony A and does not find it in the archive', async () => {
    for (const [name, call] of ceremonyScoped(b.organiserId, a.ceremonyId)) {
      await expect(call(), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const found = await searchArchive({ userId: b.organiserId, search: search('Access test'), timeZone: 'UTC' });
    expect(found.items.map((item) => item.id)).toEqual([b.ceremonyId]);
  });

  it("ceremony A's own signatory and press observer are not archive readers: NOT_FOUND", async () => {
    for (const userId of [a.parties[1]!.userId, a.observerId]) {
      for (const [name, call] of ceremonyScoped(userId, a.ceremonyId)) {
        await expect(call(), name).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
    }
  });

  it('a plain member gets FORBIDDEN archive-wide and NOT_FOUND per ceremony', async () => {
    const member = (await createUser()).id;
    await expect(searchArchive({ userId: member, search: search(''), timeZone: 'UTC' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(loadArchiveCeremony({ ceremonyId: a.ceremonyId, userId: member })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("A's organiser reads and downloads, but only an archivist sets or lifts a legal hold (FORBIDDEN)", async () => {
    await expect(loadArchiveCeremony({ ceremonyId: a.ceremonyId, userId: a.organiserId })).resolves.toMatchObject({
      viewer: 'organiser',
      canManageLegalHold: false,
    });
    await expect(downloadArchiveArtefact({ ceremonyId: a.ceremonyId, userId: a.organiserId, artefact: 'certificate' })).resolves.toMatchObject({
      contentType: 'application/pdf',
    });
    await expect(setLegalHold({ ceremonyId: a.ceremonyId, userId: a.organiserId, reason: 'Because' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an archivist reads and downloads every concluded ceremony (hostile case "Archivist signs"), and sets and lifts holds', async () => {
    for (const ceremony of [a, b]) {
      await expect(loadArchiveCeremony({ ceremonyId: ceremony.ceremonyId, userId: archivistId })).resolves.toMatchObject({
        viewer: 'archivist',
        canManageLegalHold: true,
      });
      const file = await downloadArchiveArtefact({
        ceremonyId: ceremony.ceremonyId,
        userId: archivistId,
        artefact: 'document',
        documentId: ceremony.documentId,
      });
      expect(file.fileName).toMatch(/\.sealed\.pdf$/);
    }
    await setLegalHold({ ceremonyId: b.ceremonyId, userId: archivistId, reason: 'Audit by the court of auditors' });
    await expect(setLegalHold({ ceremonyId: b.ceremonyId, userId: archivistId, reason: 'Again' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(setLegalHold({ ceremonyId: b.ceremonyId, userId: archivistId, reason: ' ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { reason: 'required' },
    });
    await liftLegalHold({ ceremonyId: b.ceremonyId, userId: archivistId, reason: 'Audit closed' });
    const events = await db.auditEvent.findMany({ where: { chain: b.ceremonyId, kind: { startsWith: 'ceremony.legal-hold' } }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => [event.kind, JSON.parse(event.payload).reason])).toEqual([
      ['ceremony.legal-hold-set', 'Audit by the court of auditors'],
      ['ceremony.legal-hold-lifted', 'Audit closed'],
    ]);
  });

  it('a ceremony that is not concluded is not in the archive, even for an archivist', async () => {
    const signing = await createSigningCeremony({ order: 'parallel', title: 'Access test still signing' });
    await expect(loadArchiveCeremony({ ceremonyId: signing.ceremonyId, userId: archivistId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      downloadArchiveArtefact({ ceremonyId: signing.ceremonyId, userId: archivistId, artefact: 'document', documentId: signing.documentIds[0] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadArchiveCeremony({ ceremonyId: signing.ceremonyId, userId: signing.organiserId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const found = await searchArchive({ userId: archivistId, search: search('Access test still signing'), timeZone: 'UTC' });
    expect(found.total).toBe(0);
  });

  it('an unknown ceremony id looks the same as a forbidden one', async () => {
    await expect(loadArchiveCeremony({ ceremonyId: 'no-such-ceremony', userId: archivistId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Ceremony not found',
    });
  });
});
