import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { forgetEnsuredRoom } from '@/lib/live/ensure-room';
import { getRoomService, isLiveKitNotFound } from '@/lib/live/livekit-clients';
import { assertHostControlsAvailable, loadOrganiser } from '@/lib/live/load-live-participant';

/**
 * The organiser ends the call for everyone: the LiveKit room is deleted (all disconnected)
 * and the lobby closes again, so nobody but an organiser gets back in until admitted anew.
 * The ceremony's state is not changed: signing and conclusion have their own use-cases.
 */
export async function endCeremonyForAll({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const roomName = await transaction(async (tx) => {
    const organiser = await loadOrganiser(tx, { ceremonyId, userId });
    assertHostControlsAvailable(organiser.ceremony.state);
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { lobbyOpen: false } });
    const readmit = await tx.participant.updateMany({
      where: { ceremonyId, role: { not: 'organiser' }, admittedAt: { not: null } },
      data: { admittedAt: null },
    });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'room.ended', payload: { sentBackToLobby: readmit.count } });
    return organiser.ceremony.roomName;
  });
  forgetEnsuredRoom(roomName);
  try {
    await getRoomService().deleteRoom(roomName);
    return { liveRoomUpdated: true };
  } catch (error) {
    if (isLiveKitNotFound(error)) return { liveRoomUpdated: true };
    console.error(`LiveKit deleteRoom(${roomName}) failed:`, error);
    return { liveRoomUpdated: false };
  }
}
