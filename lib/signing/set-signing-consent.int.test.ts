import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';
import { openSigning } from '@/lib/signing/open-signing';
import { setSigningConsent } from '@/lib/signing/set-signing-consent';
import { signMyTurn } from '@/lib/signing/sign-my-turn';
import { defaultSigningConsent } from '@/lib/signing/signing-consent';
import { createSigningCeremony, createUser } from '@/test/factories';
import { shownConfirmation, signMyTurnAsShown } from '@/test/signing-confirmation';

const wording = { en: '  We, the undersigned, sign the agreement as shown.  ', de: 'Wir unterzeichnen das Abkommen wie angezeigt.', ko: '' };

describe('setSigningConsent', () => {
  it('the organiser words it per language (blank: default), with an audit event; signers are shown and must confirm it', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const lni = c.parties[0]!;
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.organiserId, texts: wording })).resolves.toEqual({ changed: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'signing.consent-set' } });
    expect(event.actorUserId).toBe(c.organiserId);
    expect(JSON.parse(event.payload)).toEqual({
      texts: { en: 'We, the undersigned, sign the agreement as shown.', de: 'Wir unterzeichnen das Abkommen wie angezeigt.' },
    });
    // The same wording again changes nothing and records nothing.
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.organiserId, texts: wording })).resolves.toEqual({ changed: false });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.consent-set' } })).toBe(1);

    const status = await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: lni.userId });
    expect(status.consent).toEqual({
      en: 'We, the undersigned, sign the agreement as shown.',
      de: 'Wir unterzeichnen das Abkommen wie angezeigt.',
      ko: defaultSigningConsent.ko,
    });

    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const shown = await shownConfirmation({ ceremonyId: c.ceremonyId, userId: lni.userId });
    await expect(
      signMyTurn({
        ceremonyId: c.ceremonyId,
        userId: lni.userId,
        idempotencyKey: `k-${randomUUID()}`,
        capture: { typed: lni.signer },
        viewed: shown.viewed,
        consent: { language: 'en', text: defaultSigningConsent.en },
      }),
    ).rejects.toMatchObject({ reason: 'consent-changed' });
    await signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: `k-${randomUUID()}`, capture: { typed: lni.signer } });
    const signed = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'document.signed' } });
    expect(JSON.parse(signed.payload).consent).toEqual({ language: 'en', text: 'We, the undersigned, sign the agreement as shown.' });
  });

  it('a delegate is refused (FORBIDDEN), a stranger sees nothing (NOT_FOUND); overlong texts are refused beside the field', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.parties[0]!.userId, texts: wording })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.observerId, texts: wording })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const stranger = await createUser({ globalRole: 'organiser' });
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: stranger.id, texts: wording })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.organiserId, texts: { de: 'x'.repeat(1001) } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { de: 'tooLong' },
    });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).signingConsent).toBe('{}');
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.consent-set' } })).toBe(0);
  });

  it('is fixed once signing has opened', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await expect(setSigningConsent({ ceremonyId: c.ceremonyId, userId: c.organiserId, texts: wording })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      reason: 'signing-opened',
    });
    expect((await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: c.organiserId })).consent).toEqual(defaultSigningConsent);
  });
});
