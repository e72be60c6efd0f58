import { describe, expect, it } from 'vitest';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { cancelCeremony } from '@/lib/ceremonies/cancel-ceremony';
import { db } from '@/lib/db';
import { addMember } from '@/lib/delegations/add-member';
import { goLive } from '@/lib/live/go-live';
import { scheduleCeremony } from '@/lib/scheduling/schedule-ceremony';
import { createCeremony, createSigningCeremony } from '@/test/factories';

const transitionKinds = ['ceremony.scheduled', 'ceremony.live', 'ceremony.cancelled'];

async function transitionEvents(ceremonyId: string) {
  const events = await db.auditEvent.findMany({ where: { ceremonyId, kind: { in: transitionKinds } }, orderBy: { seq: 'asc' }, select: { kind: true } });
  return events.map((event) => event.kind);
}

/** Both started together; each use-case reads the state before the other has written it unless they share a lock. */
async function race(first: () => Promise<unknown>, second: () => Promise<unknown>) {
  const results = await Promise.allSettled([first(), second()]);
  const won = results.map((result) => result.status === 'fulfilled');
  const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as { code?: string }] : []));
  return { won, refusals };
}

// Meaningful on PostgreSQL (concurrent transactions); on SQLite transactions are serial and it must hold as well.
describe('state transitions are taken under the ceremony lock', () => {
  it('goLive and cancelCeremony racing on a SCHEDULED ceremony: exactly one wins, the chain is intact', async () => {
    for (let round = 0; round < 4; round++) {
      const c = await createCeremony({ state: 'SCHEDULED' });
      const ids = { ceremonyId: c.ceremonyId, userId: c.organiser.userId };
      const { won, refusals } = await race(
        () => goLive(ids),
        () => cancelCeremony({ ...ids, reason: 'race' }),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(refusals).toMatchObject([{ code: 'INVALID_STATE' }]);
      const { state } = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId }, select: { state: true } });
      expect(state).toBe(won[0] ? 'LIVE' : 'CANCELLED');
      expect(await transitionEvents(c.ceremonyId)).toEqual([won[0] ? 'ceremony.live' : 'ceremony.cancelled']);
      expect(await checkAuditChain({ ceremonyId: c.ceremonyId })).toMatchObject({ intact: true });
    }
  });

  it('scheduleCeremony and cancelCeremony racing on a DRAFT ceremony: the outcome is one of the two serial orders', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await createSigningCeremony({ order: 'parallel' });
      const start = new Date(Date.now() + 3 * 86_400_000);
      await db.ceremony.update({
        where: { id: c.ceremonyId },
        data: { state: 'DRAFT', scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3_600_000) },
      });
      const ids = { ceremonyId: c.ceremonyId, userId: c.organiserId };
      const { won, refusals } = await race(
        () => scheduleCeremony(ids),
        () => cancelCeremony({ ...ids, reason: 'race' }),
      );
      // Scheduled then cancelled (both win), or cancelled first (scheduling refused). Never
      // cancelled "from DRAFT" while scheduling also went through.
      expect(won[1]).toBe(true);
      const { state } = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId }, select: { state: true } });
      expect(state).toBe('CANCELLED');
      const cancelled = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'ceremony.cancelled' }, select: { payload: true } });
      if (won[0]) {
        expect(await transitionEvents(c.ceremonyId)).toEqual(['ceremony.scheduled', 'ceremony.cancelled']);
        expect(JSON.parse(cancelled.payload)).toMatchObject({ from: 'SCHEDULED' });
      } else {
        expect(refusals).toMatchObject([{ code: 'INVALID_STATE' }]);
        expect(await transitionEvents(c.ceremonyId)).toEqual(['ceremony.cancelled']);
        expect(JSON.parse(cancelled.payload)).toMatchObject({ from: 'DRAFT' });
      }
      expect(await checkAuditChain({ ceremonyId: c.ceremonyId })).toMatchObject({ intact: true });
    }
  });

  it('a plan change racing goLive either lands before the ceremony is live or is refused', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await createCeremony({ state: 'SCHEDULED' });
      const ids = { ceremonyId: c.ceremonyId, userId: c.organiser.userId };
      const delegationId = c.delegations[0]!.id;
      const add = () =>
        addMember({ ...ids, delegationId, name: 'Late Delegate', email: `late-${round}-${c.ceremonyId}@example.org`, role: 'delegate', title: '' });
      const { won, refusals } = await race(() => goLive(ids), add);
      expect(won[0]).toBe(true);
      const added = await db.participant.count({ where: { ceremonyId: c.ceremonyId, displayName: 'Late Delegate' } });
      if (won[1]) {
        // Landed first: goLive waited for it and then saw it.
        const events = await db.auditEvent.findMany({ where: { ceremonyId: c.ceremonyId }, orderBy: { seq: 'asc' }, select: { kind: true } });
        expect(events.map((event) => event.kind).indexOf('ceremony.live')).toBeGreaterThan(events.map((event) => event.kind).indexOf('participant.added'));
        expect(added).toBe(1);
      } else {
        expect(refusals).toMatchObject([{ code: 'INVALID_STATE' }]);
        expect(added).toBe(0);
      }
      expect(await checkAuditChain({ ceremonyId: c.ceremonyId })).toMatchObject({ intact: true });
    }
  });
});
