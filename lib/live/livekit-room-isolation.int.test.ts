import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { createRoomToken } from '@/lib/live/create-room-token';
import { buildLocalServerConfig } from '@/lib/live/local-server-config';
import { recordAttendance } from '@/lib/live/record-attendance';
import { removeParticipant } from '@/lib/live/remove-participant';
import { setLobbyOpen } from '@/lib/live/set-lobby-open';
import { createCeremony } from '@/test/factories';

/**
 * Against the real LiveKit server (1.13.5) on its own ports: a token for one ceremony's
 * room never reaches another room (hostile case "Token for another room"), and a removed participant holding a
 * still valid token is thrown out again when LiveKit reports them joining (hostile case "Removed participant rejoins").
 * Node has no WebRTC: participants hold only the signal connection, which is where LiveKit
 * accepts or refuses a token. LiveKit sends participant_joined once the media connection is
 * up, so that webhook is handed to the app as LiveKit would send it; e2e/live proves the
 * whole path with browsers.
 */
const LIVEKIT = { port: 7890, key: 'hostile-livekit-test', secret: 'hostile-livekit-test-secret-0123456789abcdef' };
vi.hoisted(() => {
  process.env.LIVEKIT_URL = 'ws://127.0.0.1:7890';
  process.env.LIVEKIT_API_KEY = 'hostile-livekit-test';
  process.env.LIVEKIT_API_SECRET = 'hostile-livekit-test-secret-0123456789abcdef';
});
const root = path.resolve(import.meta.dirname, '../..');
const httpUrl = `http://127.0.0.1:${LIVEKIT.port}`;
const wsUrl = `ws://127.0.0.1:${LIVEKIT.port}`;
const rooms = new RoomServiceClient(httpUrl, LIVEKIT.key, LIVEKIT.secret);

let livekit: ChildProcess | undefined;
beforeAll(async () => {
  const config = JSON.parse(buildLocalServerConfig({ livekitUrl: wsUrl, apiKey: LIVEKIT.key, apiSecret: LIVEKIT.secret, appUrl: 'http://127.0.0.1:9' })) as {
    rtc: Record<string, unknown>;
    webhook?: unknown;
  };
  config.rtc = { ...config.rtc, port_range_start: 50200, port_range_end: 50300 };
  delete config.webhook;
  livekit = spawn(path.join(root, '.tools/livekit/livekit-server'), ['--config-body', JSON.stringify(config)], { stdio: 'ignore' });
  await vi.waitFor(
    async () => {
      if (livekit?.exitCode !== null) throw new Error('livekit-server exited');
      await fetch(`${httpUrl}/`);
    },
    { timeout: 30_000, interval: 200 },
  );
});
afterAll(() => {
  livekit?.kill('SIGTERM');
});

interface SignalEvent {
  type: 'open' | 'join' | 'leave' | 'close' | 'error';
  room?: string;
  identity?: string;
  code?: number;
}

/** A participant's signal connection in a child process (Node 20 needs --experimental-websocket). */
function connectSignal(token: string) {
  const child = spawn(process.execPath, ['--experimental-websocket', path.join(root, 'test/livekit-signal-client.mjs'), wsUrl, token], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const events: SignalEvent[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as SignalEvent);
  });
  const until = (type: SignalEvent['type']) =>
    vi.waitFor(
      () => {
        const found = events.find((event) => event.type === type);
        if (!found) throw new Error(`no ${type} yet: ${JSON.stringify(events)}`);
        return found;
      },
      { timeout: 15_000, interval: 50 },
    );
  return { events, until, close: () => child.kill('SIGTERM') };
}

async function validate(token: string) {
  const response = await fetch(`${httpUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`);
  return { status: response.status, text: await response.text() };
}

async function identitiesIn(room: string) {
  return (await rooms.listParticipants(room)).map((participant) => participant.identity);
}

async function liveCeremonyWithOpenLobby() {
  const ceremony = await createCeremony({ state: 'LIVE' });
  await setLobbyOpen({ ceremonyId: ceremony.ceremonyId, userId: ceremony.organiser.userId, open: true });
  const { roomName } = await db.ceremony.findUniqueOrThrow({ where: { id: ceremony.ceremonyId }, select: { roomName: true } });
  return { ...ceremony, roomName };
}

describe('the real LiveKit server and our room tokens', () => {
  it('a token for ceremony A joins room A only, and its admin grant does nothing in room B (hostile case "Token for another room")', async () => {
    const a = await liveCeremonyWithOpenLobby();
    const b = await liveCeremonyWithOpenLobby();
    const signatoryA = a.delegations[0]!.signatory;
    const tokenA = (await createRoomToken({ ceremonyId: a.ceremonyId, userId: signatoryA.userId })).token;
    await createRoomToken({ ceremonyId: b.ceremonyId, userId: b.organiser.userId });

    expect((await validate(tokenA)).status).toBe(200);
    const client = connectSignal(tokenA);
    try {
      const join = await client.until('join');
      expect(join).toMatchObject({ room: a.roomName, identity: signatoryA.userId });
      expect(await identitiesIn(a.roomName)).toContain(signatoryA.userId);
      expect(await identitiesIn(b.roomName)).not.toContain(signatoryA.userId);
    } finally {
      client.close();
    }

    // The organiser's room-admin token of A, used on LiveKit's API for room B: refused.
    const adminA = (await createRoomToken({ ceremonyId: a.ceremonyId, userId: a.organiser.userId })).token;
    const twirp = (method: string, room: string) =>
      fetch(`${httpUrl}/twirp/livekit.RoomService/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminA}`, 'content-type': 'application/json' },
        body: JSON.stringify({ room, identity: b.organiser.userId }),
      });
    expect((await twirp('ListParticipants', a.roomName)).status).toBe(200);
    for (const method of ['ListParticipants', 'RemoveParticipant', 'MutePublishedTrack', 'UpdateParticipant']) {
      const response = await twirp(method, b.roomName);
      expect([401, 403], `${method} on room B: ${response.status}`).toContain(response.status);
    }

    // A token for A whose grant names B, signed without our secret: refused at the door.
    const forged = new AccessToken(LIVEKIT.key, 'not-our-secret-0123456789abcdef0123456789', { identity: signatoryA.userId, ttl: 600 });
    forged.addGrant({ room: b.roomName, roomJoin: true });
    expect((await validate(await forged.toJwt())).status).toBe(401);
    expect(await identitiesIn(b.roomName)).not.toContain(signatoryA.userId);
  });

  it('a removed participant is disconnected, refused a new token, and thrown out again when they rejoin with the old one (hostile case "Removed participant rejoins")', async () => {
    const a = await liveCeremonyWithOpenLobby();
    const delegate = a.delegations[1]!.signatory;
    const { token } = await createRoomToken({ ceremonyId: a.ceremonyId, userId: delegate.userId });
    const first = connectSignal(token);
    try {
      await first.until('join');
      expect(await identitiesIn(a.roomName)).toContain(delegate.userId);
      const removal = await removeParticipant({ ceremonyId: a.ceremonyId, userId: a.organiser.userId, participantId: delegate.participantId });
      expect(removal.liveRoomUpdated).toBe(true);
      await first.until('close');
      expect(await identitiesIn(a.roomName)).not.toContain(delegate.userId);
    } finally {
      first.close();
    }
    await expect(createRoomToken({ ceremonyId: a.ceremonyId, userId: delegate.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // LiveKit 1.13.5 still accepts the old token until it expires…
    const again = connectSignal(token);
    try {
      await again.until('join');
      const listed = await rooms.listParticipants(a.roomName);
      const sneaked = listed.find((participant) => participant.identity === delegate.userId);
      expect(sneaked).toBeDefined();
      // …so when LiveKit reports them joining, the app throws them out at once.
      const outcome = await recordAttendance({
        id: `EV_rejoin_${delegate.participantId}`,
        event: 'participant_joined',
        roomName: a.roomName,
        participant: { identity: delegate.userId, sid: sneaked!.sid, name: sneaked!.name, metadata: sneaked!.metadata },
        occurredAt: new Date(),
      });
      expect(outcome).toBe('recorded');
      await again.until('close');
      expect(await identitiesIn(a.roomName)).not.toContain(delegate.userId);
      const evicted = await db.auditEvent.findMany({ where: { ceremonyId: a.ceremonyId, kind: 'participant.evicted' }, select: { payload: true } });
      expect(evicted.map((event) => JSON.parse(event.payload) as { identity: string; reason: string })).toEqual([
        expect.objectContaining({ identity: delegate.userId, reason: 'removed' }),
      ]);
    } finally {
      again.close();
    }
  });
});
