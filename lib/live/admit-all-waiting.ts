import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { requireLiveAccess } from '@/lib/live/load-live-participant';
import { hasOpenRequest, loadLobbyRequests } from '@/lib/live/lobby-requests';

/** The organiser lets in everyone now waiting in the lobby; one audit event per person. */
export async function admitAllWaiting({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  return transaction(async (tx) => {
    // The state guard below holds until commit: transitions take the same lock.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    const requests = await loadLobbyRequests(tx, ceremonyId);
    const notAdmitted = await tx.participant.findMany({
      where: { ceremonyId, userId: { in: [...requests.latestArrival.keys()] }, admittedAt: null, removedAt: null },
      select: { id: true, userId: true, displayName: true },
    });
    // Someone the organiser declined is not waiting until they ask again.
    const waiting = notAdmitted.filter((person) => hasOpenRequest(requests, person));
    const now = new Date();
    for (const person of waiting) {
      await tx.participant.update({ where: { id: person.id }, data: { admittedAt: now } });
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: userId,
        kind: 'participant.admitted',
        payload: { participantId: person.id, displayName: person.displayName, together: true },
        at: now,
      });
    }
    return { admittedCount: waiting.length };
  });
}
