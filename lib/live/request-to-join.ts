import 'server-only';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { loadLiveParticipant } from '@/lib/live/load-live-participant';
import { isAdmitted, mayEnterRoom } from '@/lib/live/room-access';

export const ARRIVED_EVENT = 'participant.arrived';

/**
 * The participant has passed the pre-join check and is at the door: recorded once (the
 * lobby's "who has arrived" and the attendance log read it). Says whether they may go in.
 */
export async function requestToJoin({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  return transaction(async (tx) => {
    const participant = await loadLiveParticipant(tx, { ceremonyId, userId });
    const { ceremony } = participant;
    assertAccess(contextOfParticipant(participant), 'wait-in-lobby');
    const alreadyArrived = await tx.auditEvent.findFirst({
      where: { ceremonyId, kind: ARRIVED_EVENT, actorUserId: userId },
      select: { id: true },
    });
    if (!alreadyArrived) {
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: userId,
        kind: ARRIVED_EVENT,
        payload: { participantId: participant.id, role: participant.role },
      });
    }
    return {
      admitted: isAdmitted(participant, ceremony.lobbyOpen),
      roomOpen: mayEnterRoom(participant.role, ceremony.state, ceremony.rehearsalStart !== null),
    };
  });
}
