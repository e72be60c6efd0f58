import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { StateMessage } from '@/lib/live/room-messages';
import { openSigning } from '@/lib/signing/open-signing';
import { createSigningCeremony } from '@/test/factories';
import { signMyTurnAsShown } from '@/test/signing-confirmation';

// What the room was told, and how many signatures existed when it was told.
const notices = vi.hoisted(() => [] as { message: unknown; signaturesStored: number }[]);
vi.mock('@/lib/live/notify-room', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/live/notify-room')>();
  return {
    ...original,
    notifyCeremonyRoom: async (ceremonyId: string, message: StateMessage) => {
      const { db: database } = await import('@/lib/db');
      notices.push({ message, signaturesStored: await database.signature.count({ where: { document: { ceremonyId } } }) });
      return true;
    },
  };
});

describe('signMyTurn tells the room once the whole confirmation is signed', () => {
  it('every document of one confirmation is announced after the last one is stored, and a replay announces nothing', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const [lni] = c.parties as [(typeof c.parties)[0]];
    // A second language version of the agreement: one confirmation then signs both.
    await addLanguageVersion(c.documentIds[0]!, 'de');
    await addLanguageVersion(c.documentIds[0]!, 'ko');
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    notices.length = 0;

    const confirmation = { ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: 'announce-lni-1', capture: { typed: lni.signer } };
    const result = await signMyTurnAsShown(confirmation);
    expect(result.signed.length).toBe(3);

    const revisionNotices = notices.filter((notice) => (notice.message as { kind: string }).kind === 'revision');
    const announced = (notice: (typeof notices)[number]) => notice.message as { documentId: string; revision: number };
    expect(revisionNotices.map((notice) => `${announced(notice).documentId}@${announced(notice).revision}`).sort()).toEqual(
      result.signed.map((signed) => `${signed.documentId}@${signed.revisionNumber}`).sort(),
    );
    // None of them went out while a later document was still being stamped.
    for (const notice of revisionNotices) expect(notice.signaturesStored).toBe(result.signed.length);

    notices.length = 0;
    const replay = await signMyTurnAsShown(confirmation);
    expect(replay.signed.every((signed) => signed.replayed)).toBe(true);
    expect(notices.filter((notice) => (notice.message as { kind: string }).kind === 'revision')).toEqual([]);
    expect(await db.signature.count({ where: { document: { ceremonyId: c.ceremonyId } } })).toBe(result.signed.length);
  });
});

async function addLanguageVersion(documentId: string, language: string) {
  const { id: _id, createdAt: _createdAt, ...document } = await db.agreementDocument.findUniqueOrThrow({ where: { id: documentId } });
  const copy = await db.agreementDocument.create({
    data: { ...document, language, title: `${document.title} (${language})`, fileName: `${language}-${document.fileName}` },
  });
  const original = await db.documentRevision.findFirstOrThrow({ where: { documentId, number: 0 } });
  await db.documentRevision.create({
    data: {
      documentId: copy.id,
      number: 0,
      kind: original.kind,
      appendedBytes: original.appendedBytes,
      byteLength: original.byteLength,
      sha256: original.sha256,
    },
  });
  for (const { id: _fieldId, documentId: _documentId, signatureId: _signatureId, ...field } of await db.signatureField.findMany({ where: { documentId } })) {
    await db.signatureField.create({ data: { ...field, documentId: copy.id } });
  }
}
