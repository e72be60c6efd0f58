import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireLiveAccess, loadTargetParticipant } from '@/lib/live/load-live-participant';

/** The organiser lets one person in from the lobby. Admitting twice changes nothing. */
export async function admitParticipant({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  return transaction(async (tx) => {
    // The state guard below holds until commit: transitions take the same lock.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    const target = await loadTargetParticipant(tx, { ceremonyId, participantId });
    if (target.removedAt)
      throw new AppError('INVALID_STATE', `${target.displayName} has been removed from this ceremony.`, undefined, {
        reason: 'participant-removed',
        params: { name: target.displayName },
      });
    if (target.admittedAt) return { admitted: false };
    await tx.participant.update({ where: { id: target.id }, data: { admittedAt: new Date() } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.admitted',
      payload: { participantId: target.id, displayName: target.displayName },
    });
    return { admitted: true };
  });
}
