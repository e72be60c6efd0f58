import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';
import { createSigningCeremony } from '@/test/factories';
import { signMyTurnAsShown } from '@/test/signing-confirmation';

describe('signMyTurn (one confirmation, every document due)', () => {
  it('alternat: own original first, replay-safe, then countersignature after the exchange', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const confirm = (party: typeof lni, key: string) =>
      signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: party.userId, idempotencyKey: key, capture: { typed: party.signer } });

    await expect(confirm(lni, 'confirm-lni-0')).rejects.toMatchObject({ message: 'Signing is not open yet.' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect((await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: lni.userId })).documents.map((d) => d.myStatus)).toEqual([
      'sign-now',
      'awaiting-exchange',
    ]);
    expect((await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: c.observerId })).canSignNow).toBe(false);

    const first = await confirm(lni, 'confirm-lni-1');
    expect(first.signed.map((s) => s.documentId)).toEqual([c.documentIds[0]]);
    expect((await confirm(lni, 'confirm-lni-1')).signed).toMatchObject([{ documentId: c.documentIds[0], replayed: true }]);
    await expect(confirm(lni, 'confirm-lni-2')).rejects.toMatchObject({ message: 'The originals have not been exchanged yet.' });

    await expect(recordOriginalsExchange({ ceremonyId: c.ceremonyId, userId: c.organiserId })).rejects.toMatchObject({
      message: 'Each party must first sign its own original.',
    });
    await confirm(kosmo, 'confirm-kosmo-1');
    const organiserView = await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(organiserView.exchange).toEqual({ needed: true, done: false, ready: true });
    await recordOriginalsExchange({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect((await confirm(kosmo, 'confirm-kosmo-2')).signed.map((s) => s.documentId)).toEqual([c.documentIds[0]]);
    expect((await confirm(lni, 'confirm-lni-3')).signed.map((s) => s.documentId)).toEqual([c.documentIds[1]]);
    await expect(confirm(lni, 'confirm-lni-4')).rejects.toMatchObject({ message: 'You have already signed.' });
    expect((await loadSigningStatus({ ceremonyId: c.ceremonyId, userId: c.organiserId })).allSigned).toBe(true);
    expect(await db.signature.count({ where: { document: { ceremonyId: c.ceremonyId } } })).toBe(4);
  });
});
