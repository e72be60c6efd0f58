import 'server-only';
import { AppError } from '@/lib/errors';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { getRoomService, isLiveKitUnreachable } from '@/lib/live/livekit-clients';

/** A room with no one in it closes after this long (LiveKit `emptyTimeout`). */
const ROOM_EMPTY_TIMEOUT_SECONDS = 10 * 60;
/** Delegations, protocol, press: a state ceremony is never larger than this. */
const ROOM_MAX_PARTICIPANTS = 100;
/** A room we created recently is not created again for every token (P6). */
const ENSURED_FOR_MS = 15_000;

const ensured = new Map<string, { at: number; pending: Promise<void> }>();

/**
 * Creates the ceremony's room with our limits, or finds it (createRoom returns an existing
 * room unchanged). Concurrent callers share one request. Throws SERVICE_UNAVAILABLE when
 * LiveKit does not answer or refuses.
 */
export function ensureRoom(roomName: string, roomService: RoomServiceClient = getRoomService()): Promise<void> {
  const now = Date.now();
  const known = ensured.get(roomName);
  if (known && now - known.at < ENSURED_FOR_MS) return known.pending;
  const pending = roomService.createRoom({ name: roomName, emptyTimeout: ROOM_EMPTY_TIMEOUT_SECONDS, maxParticipants: ROOM_MAX_PARTICIPANTS }).then(
    () => undefined,
    (error: unknown) => {
      ensured.delete(roomName);
      console.error(`LiveKit createRoom(${roomName}) failed:`, error);
      const unreachable = isLiveKitUnreachable(error);
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        unreachable
          ? 'The video service is unreachable. Everything else in the ceremony keeps working; try joining again shortly.'
          : 'The video service refused to open the room. Please tell the organiser.',
        undefined,
        { reason: unreachable ? 'video-service-unreachable' : 'video-room-refused' },
      );
    },
  );
  ensured.set(roomName, { at: now, pending });
  return pending;
}

/** After the room was deleted (end for all) the next token must create it again. */
export function forgetEnsuredRoom(roomName: string): void {
  ensured.delete(roomName);
}
