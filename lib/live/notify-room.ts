import 'server-only';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { db } from '@/lib/db';
import { getRoomService, isLiveKitNotFound } from '@/lib/live/livekit-clients';
import { encodeRoomMessage, hostMessageSchema, roomTopics, stateMessageSchema, type HostMessage, type StateMessage } from '@/lib/live/room-messages';

export type ServerRoomMessage = { topic: typeof roomTopics.state; message: StateMessage } | { topic: typeof roomTopics.host; message: HostMessage };

/**
 * Tells a ceremony's room that something changed, from the server (RoomServiceClient.sendData).
 * Call it after your transaction committed: it never throws, because video being down
 * must not undo or fail a committed change. Failures are logged; the result says whether
 * LiveKit took the message. Clients also refetch on reconnect, so nothing depends on it.
 */
export async function notifyRoom(roomName: string, outgoing: ServerRoomMessage, options: { destinationIdentities?: string[] } = {}): Promise<boolean> {
  const schema = outgoing.topic === roomTopics.state ? stateMessageSchema : hostMessageSchema;
  const parsed = schema.safeParse(outgoing.message);
  if (!parsed.success) {
    console.error(`notifyRoom(${roomName}): refusing a malformed ${outgoing.topic} message`, parsed.error.issues);
    return false;
  }
  try {
    const roomService = getRoomService();
    // SendData to a room that does not exist waits for a timeout instead of failing: ask first.
    const open = await roomService.listRooms([roomName]);
    if (open.length === 0) return false;
    await roomService.sendData(roomName, encodeRoomMessage(outgoing.message), DataPacket_Kind.RELIABLE, {
      topic: outgoing.topic,
      destinationIdentities: options.destinationIdentities,
    });
    return true;
  } catch (error) {
    if (isLiveKitNotFound(error)) {
      // Nobody is in the room: there is no one to tell.
      return false;
    }
    // Video down is an expected state (signing does not depend on it): one line, no stack.
    const unreachable =
      error instanceof TypeError && /ECONNREFUSED|fetch failed|bad port/.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`);
    if (unreachable) console.warn(`notifyRoom(${roomName}, ${outgoing.topic}): video service unreachable; the room will catch up on its next refetch.`);
    else console.error(`notifyRoom(${roomName}, ${outgoing.topic}) failed; the room will catch up on its next refetch:`, error);
    return false;
  }
}

/** Same, by ceremony id: for use-cases (signing, run of show) that know only the ceremony. */
export async function notifyCeremonyRoom(ceremonyId: string, message: StateMessage): Promise<boolean> {
  try {
    const ceremony = await db.ceremony.findUnique({ where: { id: ceremonyId }, select: { roomName: true } });
    if (!ceremony) return false;
    return await notifyRoom(ceremony.roomName, { topic: roomTopics.state, message });
  } catch (error) {
    console.error(`notifyCeremonyRoom(${ceremonyId}) failed:`, error);
    return false;
  }
}
