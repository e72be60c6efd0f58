import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { DECLINED_EVENT, hasOpenRequest, loadLobbyRequests } from '@/lib/live/lobby-requests';
import { requireLiveAccess, loadTargetParticipant } from '@/lib/live/load-live-participant';
import { isParticipantRole } from '@/lib/live/participant-roles';
import { isAdmitted } from '@/lib/live/room-access';

/**
 * The organiser turns down one person waiting in the lobby: "not now", not "never". They
 * leave the waiting list, their screen tells them, and they may ask again by coming back
 * through the pre-join check (each request is then the organiser's to answer again).
 * Keeping someone out for good is removal (remove-participant.ts), which the audit log
 * records as such.
 */
export async function declineParticipant({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  return transaction(async (tx) => {
    // The state guard below holds until commit: admitting and declining take the same lock.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    const target = await loadTargetParticipant(tx, { ceremonyId, participantId });
    if (target.removedAt)
      throw new AppError('INVALID_STATE', `${target.displayName} has been removed from this ceremony.`, undefined, {
        reason: 'participant-removed',
        params: { name: target.displayName },
      });
    const requests = await loadLobbyRequests(tx, ceremonyId);
    const inside = isParticipantRole(target.role) && isAdmitted({ role: target.role, admittedAt: target.admittedAt }, organiser.ceremony.lobbyOpen);
    if (inside || !hasOpenRequest(requests, target))
      throw new AppError('INVALID_STATE', `${target.displayName} is not waiting in the lobby.`, undefined, {
        reason: 'participant-not-waiting',
        params: { name: target.displayName },
      });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: DECLINED_EVENT,
      payload: { participantId: target.id, displayName: target.displayName },
    });
    return { declined: true };
  });
}
