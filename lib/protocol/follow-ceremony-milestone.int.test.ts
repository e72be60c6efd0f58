import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadRoomProgramme } from '@/lib/protocol/load-room-programme';
import { moveRunOfShow } from '@/lib/protocol/move-run-of-show';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';
import { createSigningCeremony } from '@/test/factories';
import { signMyTurnAsShown } from '@/test/signing-confirmation';

const statuses = async (ceremonyId: string) => {
  const view = await loadRoomProgramme(db, { ceremonyId, isOrganiser: false });
  return { current: view.steps.find((step) => step.id === view.currentStepId)?.kind ?? null, statuses: view.steps.map((s) => `${s.kind}:${s.status}`) };
};

describe('the run of show follows the signing panel', () => {
  it('exchanging the originals makes the exchange step current; concluding moves on to the closing', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const sign = (party: typeof lni, key: string) =>
      signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: party.userId, idempotencyKey: `${key}-${c.ceremonyId}`, capture: { typed: party.signer } });
    for (let step = 0; step < 4; step++) await moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action: 'advance' });
    expect((await statuses(c.ceremonyId)).current).toBe('signing');
    await sign(lni, 'own-lni');
    await sign(kosmo, 'own-kosmo');

    // The organiser records the exchange from the signing panel, not from the programme.
    await recordOriginalsExchange({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(await statuses(c.ceremonyId)).toEqual({
      current: 'exchange',
      statuses: ['opening:done', 'remarks:done', 'remarks:done', 'signing:done', 'exchange:current', 'closing:upcoming'],
    });
    // Recording it again changes nothing.
    const events = await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId } });
    await recordOriginalsExchange({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId } })).toBe(events);

    await sign(lni, 'counter-lni');
    await sign(kosmo, 'counter-kosmo');
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(await statuses(c.ceremonyId)).toEqual({
      current: 'closing',
      statuses: ['opening:done', 'remarks:done', 'remarks:done', 'signing:done', 'exchange:done', 'closing:current'],
    });
    const follows = (await db.auditEvent.findMany({ where: { ceremonyId: c.ceremonyId, kind: 'run-of-show.moved' }, orderBy: { seq: 'asc' } }))
      .map((event) => JSON.parse(event.payload) as { action: string; milestone?: string; stepKind: string })
      .filter((payload) => payload.action === 'follow');
    expect(follows).toEqual([
      expect.objectContaining({ milestone: 'originals-exchanged', stepKind: 'exchange' }),
      expect.objectContaining({ milestone: 'concluded', stepKind: 'closing' }),
    ]);
  });

  it('opening signing from the panel skips the remarks that never happened; a programme never begun is not created', async () => {
    const running = await createSigningCeremony({ order: 'sequential' });
    await moveRunOfShow({ ceremonyId: running.ceremonyId, userId: running.organiserId, action: 'advance' });
    await moveRunOfShow({ ceremonyId: running.ceremonyId, userId: running.organiserId, action: 'advance' });
    await openSigning({ ceremonyId: running.ceremonyId, userId: running.organiserId });
    expect(await statuses(running.ceremonyId)).toEqual({
      current: 'signing',
      statuses: ['opening:done', 'remarks:done', 'remarks:skipped', 'signing:current', 'closing:upcoming'],
    });
    for (const [index, party] of running.parties.entries())
      await signMyTurnAsShown({
        ceremonyId: running.ceremonyId,
        userId: party.userId,
        idempotencyKey: `seq-${index}-${running.ceremonyId}`,
        capture: { typed: party.signer },
      });
    await concludeCeremony({ ceremonyId: running.ceremonyId, userId: running.organiserId });
    expect(await statuses(running.ceremonyId)).toEqual({
      current: 'closing',
      statuses: ['opening:done', 'remarks:done', 'remarks:skipped', 'signing:done', 'closing:current'],
    });

    const untouched = await createSigningCeremony({ order: 'sequential' });
    await openSigning({ ceremonyId: untouched.ceremonyId, userId: untouched.organiserId });
    for (const [index, party] of untouched.parties.entries())
      await signMyTurnAsShown({
        ceremonyId: untouched.ceremonyId,
        userId: party.userId,
        idempotencyKey: `un-${index}-${untouched.ceremonyId}`,
        capture: { typed: party.signer },
      });
    await concludeCeremony({ ceremonyId: untouched.ceremonyId, userId: untouched.organiserId });
    expect(await db.runOfShowStep.count({ where: { ceremonyId: untouched.ceremonyId } })).toBe(0);
  });
});
