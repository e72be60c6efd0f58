import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { participantGrant } from '@/lib/live/participant-grants';
import { participantRoles, type ParticipantRole } from '@/lib/live/participant-roles';

const apiKey = 'unit-key';
const apiSecret = 'unit-secret-unit-secret-unit-secret-0123';
const roomName = 'ceremony-room-x';

async function decodedGrant(role: ParticipantRole) {
  const token = new AccessToken(apiKey, apiSecret, { identity: `user-${role}`, ttl: 600 });
  token.addGrant(participantGrant(role, roomName));
  const claims = await new TokenVerifier(apiKey, apiSecret).verify(await token.toJwt());
  if (!claims.video) throw new Error('no video grant in token');
  return claims.video;
}

/** As the token carries them (and LiveKit reads them). */
const speakerSources = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

describe('participantGrant, decoded from a signed token', () => {
  it.each(participantRoles)('%s: bound to this room only; never creates, lists or records rooms; cannot rewrite its own role', async (role) => {
    const grant = await decodedGrant(role);
    expect(grant.room).toBe(roomName);
    expect(grant.roomJoin).toBe(true);
    expect(grant.roomCreate).toBe(false);
    expect(grant.roomList).toBe(false);
    expect(grant.roomRecord).toBe(false);
    expect(grant.canSubscribe).toBe(true);
    expect(grant.canUpdateOwnMetadata).toBe(false);
  });

  it('organiser: room admin who publishes camera, microphone, screen share and data', async () => {
    const grant = await decodedGrant('organiser');
    expect(grant.roomAdmin).toBe(true);
    expect(grant.canPublish).toBe(true);
    expect(grant.canPublishData).toBe(true);
    expect(grant.canPublishSources).toEqual(speakerSources);
    expect(grant.hidden).toBeFalsy();
  });

  it.each(['signatory', 'witness', 'delegate'] as const)('%s: publishes camera, microphone, screen share and data; not admin', async (role) => {
    const grant = await decodedGrant(role);
    expect(grant.roomAdmin).toBe(false);
    expect(grant.canPublish).toBe(true);
    expect(grant.canPublishData).toBe(true);
    expect(grant.canPublishSources).toEqual(speakerSources);
    expect(grant.hidden).toBeFalsy();
  });

  it('observer (hostile case "Observer signs or publishes"): watches only, publishes nothing, hidden from everyone', async () => {
    const grant = await decodedGrant('observer');
    expect(grant.roomAdmin).toBe(false);
    expect(grant.canPublish).toBe(false);
    expect(grant.canPublishData).toBe(false);
    expect(grant.canPublishSources ?? []).toEqual([]);
    expect(grant.hidden).toBe(true);
    expect(grant.canSubscribe).toBe(true);
  });

  it('only the organiser is admin', async () => {
    const admins = [];
    for (const role of participantRoles) if ((await decodedGrant(role)).roomAdmin) admins.push(role);
    expect(admins).toEqual(['organiser']);
  });

  it('a token signed with another secret is refused', async () => {
    const token = new AccessToken(apiKey, 'another-secret-another-secret-another-0', { identity: 'x' });
    token.addGrant(participantGrant('organiser', roomName));
    await expect(new TokenVerifier(apiKey, apiSecret).verify(await token.toJwt())).rejects.toThrow();
  });
});
