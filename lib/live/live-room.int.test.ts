import { randomUUID } from 'node:crypto';
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { admitAllWaiting } from '@/lib/live/admit-all-waiting';
import { admitParticipant } from '@/lib/live/admit-participant';
import { createRoomToken } from '@/lib/live/create-room-token';
import { endCeremonyForAll } from '@/lib/live/end-ceremony-for-all';
import { goLive } from '@/lib/live/go-live';
import { loadLobby } from '@/lib/live/load-lobby';
import { loadRoom } from '@/lib/live/load-room';
import { recordAttendance } from '@/lib/live/record-attendance';
import { removeParticipant } from '@/lib/live/remove-participant';
import { requestToJoin } from '@/lib/live/request-to-join';
import { setLobbyOpen } from '@/lib/live/set-lobby-open';
import type { LiveKitWebhook } from '@/lib/live/verify-webhook';
import { createCeremony, createUser } from '@/test/factories';
import { signMyTurnAsShown } from '@/test/signing-confirmation';
import { useLocalLiveKit } from '@/test/livekit-server';
import { sha256Base64 } from '@/lib/crypto/sha256';

let stopLiveKit: () => void = () => {};
beforeAll(async () => {
  stopLiveKit = await useLocalLiveKit();
});
afterAll(() => stopLiveKit());

async function decode(token: string) {
  return new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET).verify(token);
}

async function auditKinds(ceremonyId: string) {
  const events = await db.auditEvent.findMany({ where: { ceremonyId }, orderBy: { seq: 'asc' }, select: { kind: true } });
  return events.map((event) => event.kind);
}

describe('room tokens', () => {
  it('refuses someone who is not a participant, and a member of another ceremony (hostile case "Cross-ceremony access"), with NOT_FOUND', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const other = await createCeremony({ state: 'LIVE' });
    const stranger = await createUser();
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: other.organiser.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createRoomToken({ ceremonyId: 'no-such-ceremony', userId: stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives the organiser a room-admin token for this room only, identity = user id, 10 minutes', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const { token, serverUrl } = await createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId });
    expect(serverUrl).toBe(env.LIVEKIT_URL);
    const claims = await decode(token);
    const room = await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { roomName: true } });
    expect(claims.sub).toBe(ceremony.organiser.userId);
    expect(claims.video).toMatchObject({ room: room.roomName, roomJoin: true, roomAdmin: true, canPublish: true, roomCreate: false, roomList: false });
    expect(JSON.parse(claims.metadata ?? '{}')).toEqual({ role: 'organiser', participantId: ceremony.organiser.participantId, delegationId: null });
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(600);
  });

  it('names a signatory with their delegation and lets them publish, once admitted', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const signatory = ceremony.delegations[0]!.signatory;
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/lobby/),
    });
    await admitParticipant({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, participantId: signatory.participantId });
    const claims = await decode((await createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).token);
    expect(claims.name).toMatch(/\(Labs Network Industrie 4\.0\)$/);
    expect(claims.video).toMatchObject({ canPublish: true, canPublishData: true, roomAdmin: false });
    expect(JSON.parse(claims.metadata ?? '{}')).toMatchObject({ role: 'signatory', delegationId: ceremony.delegations[0]!.id });
  });

  it('gives an observer a hidden token without publish or data (hostile case "Observer signs or publishes")', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    await setLobbyOpen({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, open: true });
    const claims = await decode((await createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: ceremony.observer.userId })).token);
    expect(claims.video).toMatchObject({ canPublish: false, canPublishData: false, hidden: true, canSubscribe: true, roomAdmin: false });
  });

  it('opens the room to non-organisers only while LIVE, SIGNING or CONCLUDED (the closing); the organiser from SCHEDULED on', async () => {
    const scheduled = await createCeremony({ state: 'SCHEDULED' });
    const signatory = scheduled.delegations[0]!.signatory;
    await admitParticipant({ ceremonyId: scheduled.ceremonyId, userId: scheduled.organiser.userId, participantId: signatory.participantId });
    await expect(createRoomToken({ ceremonyId: scheduled.ceremonyId, userId: signatory.userId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(createRoomToken({ ceremonyId: scheduled.ceremonyId, userId: scheduled.organiser.userId })).resolves.toHaveProperty('token');

    for (const state of ['DRAFT', 'ARCHIVED', 'CANCELLED']) {
      const closed = await createCeremony({ state });
      await expect(createRoomToken({ ceremonyId: closed.ceremonyId, userId: closed.organiser.userId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    }
  });

  it('refuses a removed participant from then on (hostile case "Removed participant")', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const signatory = ceremony.delegations[1]!.signatory;
    await setLobbyOpen({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, open: true });
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).resolves.toHaveProperty('token');

    const result = await removeParticipant({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, participantId: signatory.participantId });
    expect(result.liveRoomUpdated).toBe(true);
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(loadRoom({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).resolves.toMatchObject({ kind: 'removed' });
    expect(await auditKinds(ceremony.ceremonyId)).toContain('participant.removed');
  });
});

describe('lobby and host controls', () => {
  it('records each arrival once and shows the organiser everyone, others no press', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const signatory = ceremony.delegations[0]!.signatory;
    expect(await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).toEqual({ admitted: false, roomOpen: true });
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: ceremony.observer.userId });
    expect((await auditKinds(ceremony.ceremonyId)).filter((kind) => kind === 'participant.arrived')).toHaveLength(2);

    const organiserView = await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId });
    expect(organiserView.arrivals.map((arrival) => arrival.participantId).sort()).toEqual([signatory.participantId, ceremony.observer.participantId].sort());
    const signatoryView = await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });
    expect(signatoryView.arrivals.map((arrival) => arrival.participantId)).toEqual([signatory.participantId]);
    expect(signatoryView.me).toEqual({ admitted: false, mayEnterRoom: true, declined: false });
  });

  it('admits everyone waiting with one audit event each', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    for (const delegation of ceremony.delegations) await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: delegation.signatory.userId });
    const { admittedCount } = await admitAllWaiting({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId });
    expect(admittedCount).toBe(2);
    expect((await auditKinds(ceremony.ceremonyId)).filter((kind) => kind === 'participant.admitted')).toHaveLength(2);
    const view = await loadLobby({ ceremonyId: ceremony.ceremonyId, userId: ceremony.delegations[0]!.signatory.userId });
    expect(view.me.admitted).toBe(true);
  });

  it('leaves host controls to the organiser', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const signatory = ceremony.delegations[0]!.signatory;
    const ids = { ceremonyId: ceremony.ceremonyId, userId: signatory.userId };
    const target = { participantId: ceremony.delegations[1]!.signatory.participantId };
    await expect(admitParticipant({ ...ids, ...target })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admitAllWaiting(ids)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setLobbyOpen({ ...ids, open: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeParticipant({ ...ids, ...target })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(endCeremonyForAll(ids)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(goLive(ids)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const stranger = await createUser();
    await expect(admitParticipant({ ceremonyId: ceremony.ceremonyId, userId: stranger.id, ...target })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditKinds(ceremony.ceremonyId)).toEqual([]);
  });

  it('refuses to remove an organiser or a participant of another ceremony', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const other = await createCeremony({ state: 'LIVE' });
    const ids = { ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId };
    await expect(removeParticipant({ ...ids, participantId: ceremony.organiser.participantId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(removeParticipant({ ...ids, participantId: other.delegations[0]!.signatory.participantId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('goes live SCHEDULED → LIVE once, with an audit event', async () => {
    const ceremony = await createCeremony({ state: 'SCHEDULED' });
    const ids = { ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId };
    await expect(goLive(ids)).resolves.toEqual({ state: 'LIVE' });
    await expect(goLive(ids)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId } })).state).toBe('LIVE');
    expect(await auditKinds(ceremony.ceremonyId)).toEqual(['ceremony.live']);
  });

  it('ends the call for all: the lobby closes and everyone but the organiser waits again', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const signatory = ceremony.delegations[0]!.signatory;
    await requestToJoin({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });
    await admitAllWaiting({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId });
    await setLobbyOpen({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, open: true });
    await createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId });

    expect(await endCeremonyForAll({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId })).toEqual({ liveRoomUpdated: true, archived: false });
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: signatory.userId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(createRoomToken({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId })).resolves.toHaveProperty('token');
    expect(await auditKinds(ceremony.ceremonyId)).toContain('room.ended');
  });

  it('ending a LIVE or SIGNING ceremony archives nothing: its state stays', async () => {
    for (const state of ['LIVE', 'SIGNING']) {
      const ceremony = await createCeremony({ state });
      await expect(endCeremonyForAll({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId })).resolves.toMatchObject({ archived: false });
      expect(await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { state: true, archivedAt: true } })).toEqual({
        state,
        archivedAt: null,
      });
      expect(await auditKinds(ceremony.ceremonyId)).toEqual(['room.ended']);
    }
  });
});

describe('after conclusion: the closing in the room, then the archive', () => {
  it('keeps the room open to the same people with the same roles; nobody can sign any more', async () => {
    const c = await createConcludedCeremony({ title: 'Closing in the room' });
    const [lni] = c.parties;
    const ids = { ceremonyId: c.ceremonyId, userId: c.organiserId };
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');

    // The lobby and admission work as before: a signatory who dropped out comes back for the photo.
    expect(await requestToJoin({ ceremonyId: c.ceremonyId, userId: lni!.userId })).toEqual({ admitted: false, roomOpen: true });
    await admitAllWaiting(ids);
    const signatoryClaims = await decode((await createRoomToken({ ceremonyId: c.ceremonyId, userId: lni!.userId })).token);
    expect(signatoryClaims.sub).toBe(lni!.userId);
    expect(signatoryClaims.video).toMatchObject({ canPublish: true, roomAdmin: false });
    expect(JSON.parse(signatoryClaims.metadata ?? '{}')).toMatchObject({ role: 'signatory', participantId: lni!.participantId });
    expect((await decode((await createRoomToken(ids)).token)).video).toMatchObject({ roomAdmin: true });
    await setLobbyOpen({ ...ids, open: true });
    expect((await decode((await createRoomToken({ ceremonyId: c.ceremonyId, userId: c.observerId })).token)).video).toMatchObject({
      canPublish: false,
      hidden: true,
    });

    const view = await loadRoom({ ceremonyId: c.ceremonyId, userId: lni!.userId });
    expect(view).toMatchObject({ kind: 'open', ceremony: { state: 'CONCLUDED' }, me: { role: 'signatory', mayEnterRoom: true } });
    expect(view.kind === 'open' && view.signing).toMatchObject({ state: 'CONCLUDED', signingOpen: false, canSignNow: false });
    expect(view.kind === 'open' && view.ceremony.documents.flatMap((document) => document.myOpenFields)).toEqual([]);
    const revisions = await db.documentRevision.count({ where: { documentId: c.documentId } });
    await expect(
      signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: lni!.userId, idempotencyKey: randomUUID(), capture: { typed: lni!.signer } }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: 'Signing is closed.',
    });
    expect(await db.documentRevision.count({ where: { documentId: c.documentId } })).toBe(revisions);
  });

  it('ending a concluded ceremony archives it, with its audit event; the room is closed to everyone from then on', async () => {
    const c = await createConcludedCeremony({ title: 'Ended and archived' });
    const [lni] = c.parties;
    const ids = { ceremonyId: c.ceremonyId, userId: c.organiserId };
    await setLobbyOpen({ ...ids, open: true });
    await createRoomToken({ ceremonyId: c.ceremonyId, userId: lni!.userId });
    const eventsBefore = (await auditKinds(c.ceremonyId)).length;
    const now = new Date('2026-11-26T11:30:00Z');

    expect(await endCeremonyForAll({ ...ids, now })).toEqual({ liveRoomUpdated: true, archived: true });
    const ceremony = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId }, select: { state: true, archivedAt: true, lobbyOpen: true } });
    expect(ceremony).toEqual({ state: 'ARCHIVED', archivedAt: now, lobbyOpen: false });
    expect((await auditKinds(c.ceremonyId)).slice(eventsBefore)).toEqual(['room.ended', 'ceremony.archived']);
    const archived = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'ceremony.archived' } });
    expect(archived.actorUserId).toBe(c.organiserId);
    expect(JSON.parse(archived.payload)).toEqual({ from: 'CONCLUDED' });

    // The existing refusal, for every role: the room is not open while the ceremony is ARCHIVED.
    for (const userId of [c.organiserId, lni!.userId, c.observerId]) {
      await expect(createRoomToken({ ceremonyId: c.ceremonyId, userId })).rejects.toMatchObject({
        code: 'INVALID_STATE',
        message: 'The room is not open while the ceremony is ARCHIVED.',
      });
      await expect(requestToJoin({ ceremonyId: c.ceremonyId, userId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(loadRoom({ ceremonyId: c.ceremonyId, userId })).resolves.toMatchObject({ kind: 'closed', state: 'ARCHIVED' });
    }
    // Ending again changes nothing.
    await expect(endCeremonyForAll(ids)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(setLobbyOpen({ ...ids, open: true })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await auditKinds(c.ceremonyId)).slice(eventsBefore)).toEqual(['room.ended', 'ceremony.archived']);
  });

  it('only the organiser ends a concluded ceremony; a refusal archives nothing', async () => {
    const c = await createConcludedCeremony({ title: 'Not yours to end' });
    const eventsBefore = (await auditKinds(c.ceremonyId)).length;
    for (const userId of [c.parties[0]!.userId, c.observerId]) {
      await expect(endCeremonyForAll({ ceremonyId: c.ceremonyId, userId })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only the organiser can do this.',
      });
    }
    const stranger = await createUser();
    await expect(endCeremonyForAll({ ceremonyId: c.ceremonyId, userId: stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');
    expect(await auditKinds(c.ceremonyId)).toHaveLength(eventsBefore);
  });
});

describe('attendance from webhooks', () => {
  function webhook(roomName: string, event: string, identity?: string): LiveKitWebhook {
    return {
      id: `EV_${randomUUID()}`,
      event,
      roomName,
      participant: identity ? { identity, sid: `PA_${randomUUID().slice(0, 8)}`, name: 'Someone', metadata: '' } : null,
      occurredAt: new Date(),
    };
  }

  it('records joins, leaves and the room opening and closing once per webhook id', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const { roomName } = await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { roomName: true } });
    const signatory = ceremony.delegations[0]!.signatory;
    const joined = webhook(roomName, 'participant_joined', signatory.userId);

    expect(await recordAttendance(webhook(roomName, 'room_started'))).toBe('recorded');
    expect(await recordAttendance(joined)).toBe('recorded');
    expect(await recordAttendance(joined)).toBe('duplicate');
    expect(await recordAttendance(webhook(roomName, 'track_published', signatory.userId))).toBe('ignored');
    expect(await recordAttendance(webhook(roomName, 'participant_left', signatory.userId))).toBe('recorded');
    expect(await recordAttendance(webhook(roomName, 'room_finished'))).toBe('recorded');
    expect(await auditKinds(ceremony.ceremonyId)).toEqual(['room.started', 'participant.joined', 'participant.left', 'room.finished']);

    const joinedEvent = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: ceremony.ceremonyId, kind: 'participant.joined' } });
    expect(joinedEvent.actorUserId).toBe(signatory.userId);
    expect(JSON.parse(joinedEvent.payload)).toMatchObject({ participantId: signatory.participantId, role: 'signatory', webhookId: joined.id });
  });

  it('ignores rooms that are no ceremony and evicts a removed participant who rejoins with an old token', async () => {
    expect(await recordAttendance(webhook(`not-a-ceremony-${randomUUID()}`, 'participant_joined', 'x'))).toBe('ignored');

    const ceremony = await createCeremony({ state: 'LIVE' });
    const { roomName } = await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { roomName: true } });
    const signatory = ceremony.delegations[0]!.signatory;
    await removeParticipant({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, participantId: signatory.participantId });
    expect(await recordAttendance(webhook(roomName, 'participant_joined', signatory.userId))).toBe('recorded');
    expect(await auditKinds(ceremony.ceremonyId)).toEqual(['participant.removed', 'participant.joined', 'participant.evicted']);
  });
});

describe('POST /api/livekit/webhook (hostile case "Forged webhook")', () => {
  async function signedRequest(body: string, secret = env.LIVEKIT_API_SECRET) {
    const token = new AccessToken(env.LIVEKIT_API_KEY, secret, { ttl: 300 });
    token.sha256 = sha256Base64(body);
    return new Request('http://127.0.0.1/api/livekit/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
      body,
    });
  }

  it('records a correctly signed join; answers 401 and records nothing for a forged or tampered one', async () => {
    const ceremony = await createCeremony({ state: 'LIVE' });
    const { roomName } = await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { roomName: true } });
    const identity = ceremony.delegations[0]!.signatory.userId;
    const body = (id: string) =>
      JSON.stringify({
        event: 'participant_joined',
        id,
        createdAt: '1795000000',
        room: { name: roomName },
        participant: { identity, sid: 'PA_1', name: 'Signatory' },
      });

    const tampered = await signedRequest(body('EV_tampered'));
    const tamperedBody = body('EV_tampered').replace('PA_1', 'PA_2');
    const tamperedResponse = await webhookRoute(new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: tamperedBody }));
    expect(tamperedResponse.status).toBe(401);
    expect((await webhookRoute(await signedRequest(body('EV_forged'), 'forged-secret-forged-secret-forged-secret'))).status).toBe(401);
    expect((await webhookRoute(new Request('http://127.0.0.1/api/livekit/webhook', { method: 'POST', body: body('EV_none') }))).status).toBe(401);
    expect(await auditKinds(ceremony.ceremonyId)).toEqual([]);
    expect(await db.processedWebhook.count({ where: { id: { in: ['EV_tampered', 'EV_forged', 'EV_none'] } } })).toBe(0);

    const id = `EV_${randomUUID()}`;
    const accepted = await webhookRoute(await signedRequest(body(id)));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ outcome: 'recorded' });
    expect(await (await webhookRoute(await signedRequest(body(id)))).json()).toEqual({ outcome: 'duplicate' });
    expect(await auditKinds(ceremony.ceremonyId)).toEqual(['participant.joined']);
  });
});
