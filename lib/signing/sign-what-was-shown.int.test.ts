import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { signMyTurn } from '@/lib/signing/sign-my-turn';
import { defaultSigningConsent } from '@/lib/signing/signing-consent';
import { createSigningCeremony } from '@/test/factories';
import { shownConfirmation, signMyTurnAsShown } from '@/test/signing-confirmation';

const key = () => `key-${randomUUID()}`;

async function openParallel() {
  const c = await createSigningCeremony({ order: 'parallel' });
  await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
  const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
  return { c, lni, kosmo, documentId: c.documentIds[0]! };
}

/** What a refused confirmation must not have left behind. */
async function storedBy(documentId: string, participantId: string, userId: string) {
  return {
    revisions: await db.documentRevision.count({ where: { documentId } }),
    signatures: await db.signature.count({ where: { documentId, participantId } }),
    signedEvents: await db.auditEvent.count({ where: { kind: 'document.signed', actorUserId: userId } }),
  };
}

describe('what you see is what you sign', () => {
  it('a view of a revision someone else has signed since is refused with view-outdated, nothing stored', async () => {
    const { c, lni, kosmo, documentId } = await openParallel();
    const lniView = await shownConfirmation({ ceremonyId: c.ceremonyId, userId: lni.userId });
    expect(lniView.viewed).toEqual([{ documentId, revision: 1, fields: ['signature-LNI40'] }]);
    await signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: kosmo.userId, idempotencyKey: key(), capture: { typed: kosmo.signer } });

    const before = await storedBy(documentId, lni.participantId, lni.userId);
    await expect(
      signMyTurn({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: key(), capture: { typed: lni.signer }, ...lniView }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      reason: 'view-outdated',
      params: { documentId, revision: 2 },
    });
    expect(await storedBy(documentId, lni.participantId, lni.userId)).toEqual({ ...before, signatures: 0, signedEvents: 0 });
    expect(before.revisions).toBe(3);
  });

  it('a view that misses the document or a field about to be filled is refused with view-incomplete', async () => {
    const c = await createSigningCeremony({ order: 'parallel', initials: true });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const lni = c.parties[0]!;
    const documentId = c.documentIds[0]!;
    const shown = await shownConfirmation({ ceremonyId: c.ceremonyId, userId: lni.userId });
    expect(shown.viewed[0]?.fields.sort()).toEqual(['initials-LNI40-p1', 'signature-LNI40']);
    const attempt = (viewed: typeof shown.viewed) =>
      signMyTurn({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: key(), capture: { typed: lni.signer }, consent: shown.consent, viewed });

    await expect(attempt([])).rejects.toMatchObject({ code: 'CONFLICT', reason: 'view-incomplete', params: { documentId } });
    await expect(attempt([{ documentId, revision: 1, fields: ['signature-LNI40'] }])).rejects.toMatchObject({
      reason: 'view-incomplete',
      params: { documentId },
    });
    await expect(signMyTurn({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: key(), capture: { typed: lni.signer } })).rejects.toMatchObject({
      reason: 'view-incomplete',
    });
    expect(await storedBy(documentId, lni.participantId, lni.userId)).toEqual({ revisions: 2, signatures: 0, signedEvents: 0 });

    // Fields shown beyond the signer's own (the whole page is rendered) are fine.
    await expect(attempt([{ documentId, revision: 1, fields: [...shown.viewed[0]!.fields, 'signature-KOSMO'] }])).resolves.toMatchObject({
      signed: [{ documentId, revisionNumber: 2 }],
    });
  });

  it('a consent text other than the ceremony’s for that language is refused with consent-changed', async () => {
    const { c, lni, documentId } = await openParallel();
    const shown = await shownConfirmation({ ceremonyId: c.ceremonyId, userId: lni.userId, language: 'de' });
    const attempt = (consent: { language: 'en' | 'de' | 'ko'; text: string } | undefined) =>
      signMyTurn({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: key(), capture: { typed: lni.signer }, viewed: shown.viewed, consent });

    await expect(attempt({ language: 'de', text: `${shown.consent.text} Zusatz.` })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'consent-changed' });
    await expect(attempt({ language: 'de', text: defaultSigningConsent.en })).rejects.toMatchObject({ reason: 'consent-changed' });
    await expect(attempt(undefined)).rejects.toMatchObject({ reason: 'consent-changed' });
    expect(await storedBy(documentId, lni.participantId, lni.userId)).toEqual({ revisions: 2, signatures: 0, signedEvents: 0 });
  });

  it('a good confirmation keeps what was displayed and the consent text in the document.signed event', async () => {
    const { c, lni, documentId } = await openParallel();
    const result = await signMyTurnAsShown({
      ceremonyId: c.ceremonyId,
      userId: lni.userId,
      idempotencyKey: key(),
      capture: { typed: lni.signer },
      language: 'ko',
    });
    expect(result.signed).toMatchObject([{ documentId, revisionNumber: 2, replayed: false }]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'document.signed' } });
    expect(JSON.parse(event.payload)).toMatchObject({
      documentId,
      revision: 2,
      fields: ['signature-LNI40'],
      displayed: { revision: 1, fields: ['signature-LNI40'] },
      consent: { language: 'ko', text: defaultSigningConsent.ko },
    });
  });

  it('the turn checks come first, with their reasons and unchanged messages', async () => {
    const c = await createSigningCeremony({ order: 'sequential' });
    const [first, second] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const bare = (party: typeof first) =>
      signMyTurn({ ceremonyId: c.ceremonyId, userId: party.userId, idempotencyKey: key(), capture: { typed: party.signer } });
    await expect(bare(first)).rejects.toMatchObject({ code: 'INVALID_STATE', reason: 'signing-not-open', message: 'Signing is not open yet.' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await expect(bare(second)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'not-your-turn', message: 'It is not your turn to sign yet.' });
    await signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: first.userId, idempotencyKey: key(), capture: { typed: first.signer } });
    await expect(bare(first)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'already-signed', message: 'You have already signed.' });
    await expect(bare({ ...first, userId: c.organiserId })).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'no-fields' });

    const unauthorised = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    await openSigning({ ceremonyId: unauthorised.ceremonyId, userId: unauthorised.organiserId });
    const signer = unauthorised.parties[0]!;
    await expect(
      signMyTurn({ ceremonyId: unauthorised.ceremonyId, userId: signer.userId, idempotencyKey: key(), capture: { typed: signer.signer } }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Full powers not yet submitted/),
    });
  });

  it('signAgreement re-checks the viewed revision under the document lock: stale → view-outdated, nothing stored', async () => {
    const { c, lni, kosmo, documentId } = await openParallel();
    // Both checked their view at revision 1; KOSMO's signing lands first.
    await signAgreement({
      ceremonyId: c.ceremonyId,
      documentId,
      userId: kosmo.userId,
      idempotencyKey: key(),
      capture: { typed: kosmo.signer },
      expectedRevision: 1,
    });
    const before = await storedBy(documentId, lni.participantId, lni.userId);
    await expect(
      signAgreement({
        ceremonyId: c.ceremonyId,
        documentId,
        userId: lni.userId,
        idempotencyKey: key(),
        capture: { typed: lni.signer },
        expectedRevision: 1,
        displayed: { revision: 1, fields: ['signature-LNI40'] },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', reason: 'view-outdated', params: { documentId, revision: 2 } });
    expect(await storedBy(documentId, lni.participantId, lni.userId)).toEqual(before);
    expect(before).toEqual({ revisions: 3, signatures: 0, signedEvents: 0 });
    // Without an expected revision (the headless rehearsal, older callers) it signs as before.
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: lni.userId, idempotencyKey: key(), capture: { typed: lni.signer } }),
    ).resolves.toMatchObject({ revisionNumber: 3 });
  });

  it('a drawn signature that is a PNG bomb is refused before the transaction, nothing stored', async () => {
    const { c, lni, documentId } = await openParallel();
    const header = Buffer.alloc(13);
    header.writeUInt32BE(100_000, 0);
    header.writeUInt32BE(100_000, 4);
    header.set([8, 6, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
      return Buffer.concat([length, Buffer.from(type), data, crc]);
    };
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(8))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: lni.userId, idempotencyKey: key(), capture: { drawnPngBase64: bomb.toString('base64') } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'signature-image-too-large' });
    expect(await storedBy(documentId, lni.participantId, lni.userId)).toEqual({ revisions: 2, signatures: 0, signedEvents: 0 });
  });
});
