import { describe, expect, it } from 'vitest';
import { loadCeremonyOverview } from '@/lib/ceremonies/load-ceremony-overview';
import { db } from '@/lib/db';
import { createCeremony, createUser } from '@/test/factories';

describe('loadCeremonyOverview', () => {
  it('shows a participant their ceremony and role', async () => {
    const fixture = await createCeremony();
    const signatory = fixture.delegations[0]!.signatory;
    const { ceremony, myRole } = await loadCeremonyOverview({ ceremonyId: fixture.ceremonyId, userId: signatory.userId });
    expect(myRole).toBe('signatory');
    expect(ceremony.delegations.map((delegation) => delegation.capitalName)).toEqual(['Berlin', 'Seoul']);
  });

  it('answers NOT_FOUND to a member of another ceremony, to an outsider, for a missing id, and after removal (hostile case "Cross-ceremony access")', async () => {
    const a = await createCeremony();
    const b = await createCeremony();
    const outsider = await createUser({ globalRole: 'archivist' });
    const memberOfA = a.delegations[0]!.signatory.userId;
    for (const [ceremonyId, userId] of [
      [b.ceremonyId, memberOfA],
      [b.ceremonyId, a.organiser.userId],
      [a.ceremonyId, outsider.id],
      ['no-such-ceremony', memberOfA],
    ] as const) {
      await expect(loadCeremonyOverview({ ceremonyId, userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await db.participant.update({ where: { id: a.delegations[0]!.signatory.participantId }, data: { removedAt: new Date() } });
    await expect(loadCeremonyOverview({ ceremonyId: a.ceremonyId, userId: memberOfA })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
