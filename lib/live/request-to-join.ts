import 'server-only';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { ARRIVED_EVENT, isDeclined, loadLobbyRequests } from '@/lib/live/lobby-requests';
import { loadLiveParticipant } from '@/lib/live/load-live-participant';
import { isAdmitted, mayEnterRoom } from '@/lib/live/room-access';

/**
 * The participant has passed the pre-join check and is at the door: recorded once (the
 * lobby's "who has arrived" and the attendance log read it), and once more each time they
 * ask again after the organiser declined. Says whether they may go in.
 */
export async function requestToJoin({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  return transaction(async (tx) => {
    const participant = await loadLiveParticipant(tx, { ceremonyId, userId });
    const { ceremony } = participant;
    assertAccess(contextOfParticipant(participant), 'wait-in-lobby');
    const requests = await loadLobbyRequests(tx, ceremonyId);
    const asksAgain = isDeclined(requests, participant) && !isAdmitted(participant, ceremony.lobbyOpen);
    if (!requests.latestArrival.has(userId) || asksAgain) {
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
