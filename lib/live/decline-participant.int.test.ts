import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { admitAllWaiting } from '@/lib/live/admit-all-waiting';
import { admitParticipant } from '@/lib/live/admit-participant';
import { declineParticipant } from '@/lib/live/decline-participant';
import { loadLobby } from '@/lib/live/load-lobby';
import { requestToJoin } from '@/lib/live/request-to-join';
import { setLobbyOpen } from '@/lib/live/set-lobby-open';
import { createCeremony } from '@/test/factories';

async function auditEvents(ceremonyId: string) {
  return db.auditEvent.findMany({ where: { ceremonyId }, orderBy: { seq: 'asc' }, select: { kind: true, actorUserId: true, payload: true } });
}

async function waitingFor(ceremonyId: string, organiserUserId: string) {
  const lobby = await loadLobby({ ceremonyId, userId: organiserUserId });
  return lobby.arrivals.filter((arrival) => !arrival.admitted).map((arrival) => arrival.participantId);
}

describe('declining someone at the door', () => {
  it('takes them off the waiting list, tells them, and records who declined whom', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const organiser = ceremony.organiser.userId;
    const signatory = ceremony.delegations[0]!.signatory;
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });

    expect(await declineParticipant({ ceremonyId: ceremony.ceremonyId, userId: organiser, participantId: signatory.participantId })).toEqual({
      declined: true,
    });

    expect(await waitingFor(ceremony.ceremonyId, organiser)).toEqual([]);
    const theirView = await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });
    expect(theirView.me).toEqual({ admitted: false, mayEnterRoom: true, declined: true });
    const declined = (await auditEvents(ceremony.ceremonyId)).filter((event) => event.kind === 'participant.declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]!.actorUserId).toBe(organiser);
    expect(JSON.parse(declined[0]!.payload)).toEqual({ participantId: signatory.participantId, displayName: expect.any(String) });
    const row = await db.participant.findUniqueOrThrow({ where: { id: signatory.participantId }, select: { admittedAt: true, removedAt: true } });
    expect(row).toEqual({ admittedAt: null, removedAt: null });
  });

  it('is the organiser’s: anyone else is refused with organiser-only and nothing is recorded', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const [first, second] = ceremony.delegations.map((delegation) => delegation.signatory);
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: second!.userId });
    const before = await auditEvents(ceremony.ceremonyId);

    await expect(declineParticipant({ ceremonyId: ceremony.ceremonyId, userId: first!.userId, participantId: second!.participantId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      reason: 'organiser-only',
    });
    expect(await auditEvents(ceremony.ceremonyId)).toEqual(before);
    expect(await waitingFor(ceremony.ceremonyId, ceremony.organiser.userId)).toEqual([second!.participantId]);
  });

  it('refuses someone who is not waiting (not arrived, already inside, already declined, removed) and changes nothing', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const ids = { ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId };
    const [absent, inside] = ceremony.delegations.map((delegation) => delegation.signatory);
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: inside!.userId });
    await admitParticipant({ ...ids, participantId: inside!.participantId });
    const before = await auditEvents(ceremony.ceremonyId);

    for (const person of [absent!, inside!]) {
      await expect(declineParticipant({ ...ids, participantId: person.participantId })).rejects.toMatchObject({
        code: 'INVALID_STATE',
        reason: 'participant-not-waiting',
        params: { name: expect.any(String) },
      });
    }
    await expect(declineParticipant({ ...ids, participantId: ceremony.organiser.participantId })).rejects.toMatchObject({ reason: 'participant-not-waiting' });
    expect(await auditEvents(ceremony.ceremonyId)).toEqual(before);

    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: ceremony.observer.userId });
    await declineParticipant({ ...ids, participantId: ceremony.observer.participantId });
    await expect(declineParticipant({ ...ids, participantId: ceremony.observer.participantId })).rejects.toMatchObject({ reason: 'participant-not-waiting' });
    // Removal itself also tells the video room; here only its effect on the row matters.
    await db.participant.update({ where: { id: inside!.participantId }, data: { removedAt: new Date() } });
    await expect(declineParticipant({ ...ids, participantId: inside!.participantId })).rejects.toMatchObject({ reason: 'participant-removed' });
    expect((await auditEvents(ceremony.ceremonyId)).filter((event) => event.kind === 'participant.declined')).toHaveLength(1);
  });

  it('refuses once the room is open to everyone: nobody is waiting then', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const ids = { ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId };
    const signatory = ceremony.delegations[0]!.signatory;
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });
    await setLobbyOpen({ ...ids, open: true });
    await expect(declineParticipant({ ...ids, participantId: signatory.participantId })).rejects.toMatchObject({ reason: 'participant-not-waiting' });
  });

  it('is “not now”: admitting everyone passes over them, and asking again puts them back at the door', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const ids = { ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId };
    const [declinedOne, other] = ceremony.delegations.map((delegation) => delegation.signatory);
    for (const person of [declinedOne!, other!]) await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: person.userId });
    await declineParticipant({ ...ids, participantId: declinedOne!.participantId });

    expect(await admitAllWaiting(ids)).toEqual({ admittedCount: 1 });
    expect((await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId })).me.admitted).toBe(false);

    // Coming back through the pre-join check is a new request; polling the lobby is not.
    await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId });
    expect((await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId })).me.declined).toBe(true);
    expect(await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId })).toEqual({ admitted: false, roomOpen: true });
    expect((await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId })).me.declined).toBe(false);
    expect(await waitingFor(ceremony.ceremonyId, ceremony.organiser.userId)).toEqual([declinedOne!.participantId]);
    // Asking while already at the door records nothing more.
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId });
    const arrivals = (await auditEvents(ceremony.ceremonyId)).filter(
      (event) => event.kind === 'participant.arrived' && event.actorUserId === declinedOne!.userId,
    );
    expect(arrivals).toHaveLength(2);

    await declineParticipant({ ...ids, participantId: declinedOne!.participantId });
    expect((await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: declinedOne!.userId })).me.declined).toBe(true);
  });
});
