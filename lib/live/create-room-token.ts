import 'server-only';
import { AccessToken } from 'livekit-server-sdk';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { ensureRoom } from '@/lib/live/ensure-room';
import { liveKitClientUrl } from '@/lib/live/livekit-clients';
import { loadLiveParticipant } from '@/lib/live/load-live-participant';
import { participantGrant } from '@/lib/live/participant-grants';
import type { RoomParticipantMetadata } from '@/lib/live/participant-roles';
import { isAdmitted, mayEnterRoom } from '@/lib/live/room-access';

/** Short: a removed participant's last token is useless soon (LiveKit has no revocation list). */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

export interface RoomToken {
  serverUrl: string;
  token: string;
}

/**
 * A LiveKit access token for the caller in this ceremony's room (DESIGN.md "Live"). The
 * server alone mints tokens: identity = user id (a second tab replaces the first, roles
 * survive reconnects), grants by role, this room only.
 */
export async function createRoomToken({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<RoomToken> {
  const participant = await loadLiveParticipant(db, { ceremonyId, userId });
  const { ceremony, role } = participant;
  if (!mayEnterRoom(role, ceremony.state)) {
    throw new AppError('INVALID_STATE', `The room is not open while the ceremony is ${ceremony.state}.`);
  }
  if (!isAdmitted(participant, ceremony.lobbyOpen)) {
    throw new AppError('FORBIDDEN', 'Please wait in the lobby until the organiser admits you.');
  }

  await ensureRoom(ceremony.roomName);

  const metadata: RoomParticipantMetadata = { role, participantId: participant.id, delegationId: participant.delegationId };
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: participant.userId,
    name: roomDisplayName(participant.displayName, participant.delegation?.name),
    metadata: JSON.stringify(metadata),
    ttl: ROOM_TOKEN_TTL_SECONDS,
  });
  token.addGrant(participantGrant(role, ceremony.roomName));
  return { serverUrl: liveKitClientUrl(), token: await token.toJwt() };
}

/** "Dr. Anna Weber (Labs Network Industrie 4.0)": who someone is and for whom they speak. */
export function roomDisplayName(displayName: string, delegationName: string | undefined | null): string {
  return delegationName ? `${displayName} (${delegationName})` : displayName;
}
