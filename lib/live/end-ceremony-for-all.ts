import 'server-only';
import { archiveCeremony } from '@/lib/archive/archive-ceremony';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { forgetEnsuredRoom } from '@/lib/live/ensure-room';
import { getRoomService, isLiveKitNotFound } from '@/lib/live/livekit-clients';
import { requireLiveAccess } from '@/lib/live/load-live-participant';

/**
 * The organiser ends the call for everyone: the LiveKit room is deleted (all disconnected)
 * and the lobby closes again, so nobody but an organiser gets back in until admitted anew.
 * Before conclusion the ceremony's state is not changed (signing and conclusion have their
 * own use-cases). After conclusion the closing is over: the ceremony is archived
 * (lib/archive/archive-ceremony.ts) in the same transaction.
 */
export async function endCeremonyForAll({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  const ended = await transaction(async (tx) => {
    // Serialised with conclusion, which may be committing the CONCLUDED this decides on.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    const { state, roomName } = organiser.ceremony;
    const archive = state === 'CONCLUDED';
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { lobbyOpen: false } });
    const readmit = await tx.participant.updateMany({
      where: { ceremonyId, role: { not: 'organiser' }, admittedAt: { not: null } },
      data: { admittedAt: null },
    });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'room.ended', payload: { sentBackToLobby: readmit.count }, at: now });
    if (archive) await archiveCeremony(tx, { ceremonyId, userId, now });
    return { roomName, archived: archive };
  });
  forgetEnsuredRoom(ended.roomName);
  try {
    await getRoomService().deleteRoom(ended.roomName);
    return { liveRoomUpdated: true, archived: ended.archived };
  } catch (error) {
    if (isLiveKitNotFound(error)) return { liveRoomUpdated: true, archived: ended.archived };
    console.error(`LiveKit deleteRoom(${ended.roomName}) failed:`, error);
    return { liveRoomUpdated: false, archived: ended.archived };
  }
}
