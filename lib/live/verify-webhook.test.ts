import { AccessToken } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { verifyLiveKitWebhook } from '@/lib/live/verify-webhook';
import { sha256Base64 } from '@/lib/crypto/sha256';

const keys = { apiKey: 'webhook-key', apiSecret: 'webhook-secret-webhook-secret-webhook-01' };

/** Signs a body the way livekit-server does: a JWT from the API key whose sha256 claim is the body's base64 SHA-256. */
async function sign(body: string, signingKeys = keys): Promise<string> {
  const token = new AccessToken(signingKeys.apiKey, signingKeys.apiSecret, { ttl: 300 });
  token.sha256 = sha256Base64(body);
  return token.toJwt();
}

const joinedBody = JSON.stringify({
  event: 'participant_joined',
  id: 'EV_joined_1',
  createdAt: '1795000000',
  room: { sid: 'RM_1', name: 'ceremony-room' },
  participant: { sid: 'PA_1', identity: 'user-1', name: 'Dr. Anna Weber (LNI 4.0)', metadata: '{"role":"signatory"}' },
});

describe('verifyLiveKitWebhook (hostile case "Forged webhook")', () => {
  it('accepts a correctly signed body and returns it as plain data', async () => {
    const webhook = await verifyLiveKitWebhook(joinedBody, await sign(joinedBody), keys);
    expect(webhook).toEqual({
      id: 'EV_joined_1',
      event: 'participant_joined',
      roomName: 'ceremony-room',
      participant: { identity: 'user-1', sid: 'PA_1', name: 'Dr. Anna Weber (LNI 4.0)', metadata: '{"role":"signatory"}' },
      occurredAt: new Date(1795000000 * 1000),
    });
  });

  it('accepts room events without a participant', async () => {
    const body = JSON.stringify({ event: 'room_started', id: 'EV_room_1', createdAt: '1795000000', room: { name: 'ceremony-room' } });
    const webhook = await verifyLiveKitWebhook(body, await sign(body), keys);
    expect(webhook.participant).toBeNull();
    expect(webhook.roomName).toBe('ceremony-room');
  });

  it('rejects a tampered body (one character changed after signing)', async () => {
    const authorization = await sign(joinedBody);
    const tampered = joinedBody.replace('user-1', 'user-2');
    await expect(verifyLiveKitWebhook(tampered, authorization, keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a re-serialised body (verification is on the raw bytes)', async () => {
    const authorization = await sign(joinedBody);
    const reformatted = JSON.stringify(JSON.parse(joinedBody), null, 2);
    await expect(verifyLiveKitWebhook(reformatted, authorization, keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a body signed with the wrong secret', async () => {
    const forged = await sign(joinedBody, { apiKey: keys.apiKey, apiSecret: 'attacker-secret-attacker-secret-attacker' });
    await expect(verifyLiveKitWebhook(joinedBody, forged, keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a body signed with another API key', async () => {
    const forged = await sign(joinedBody, { apiKey: 'other-key', apiSecret: keys.apiSecret });
    await expect(verifyLiveKitWebhook(joinedBody, forged, keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a missing or garbage Authorization header', async () => {
    await expect(verifyLiveKitWebhook(joinedBody, null, keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyLiveKitWebhook(joinedBody, 'Bearer nonsense', keys)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
