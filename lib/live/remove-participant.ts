import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getRoomService, isLiveKitNotFound } from '@/lib/live/livekit-clients';
import { requireLiveAccess, loadTargetParticipant } from '@/lib/live/load-live-participant';

/**
 * The organiser removes someone from the ceremony (hostile case "Removed participant"): marked removed, so the
 * token route refuses them from now on, and disconnected from the live room. Video being
 * down does not undo the removal: they cannot come back when it returns.
 */
export async function removeParticipant({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  const { roomName, target } = await transaction(async (tx) => {
    // The state guard below holds until commit: transitions take the same lock.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    const found = await loadTargetParticipant(tx, { ceremonyId, participantId });
    if (found.id === organiser.id) throw new AppError('INVALID_INPUT', 'You cannot remove yourself.', undefined, { reason: 'cannot-remove-yourself' });
    if (found.role === 'organiser')
      throw new AppError('FORBIDDEN', 'An organiser cannot be removed from the room.', undefined, { reason: 'organiser-not-removable' });
    if (!found.removedAt) await assertNotAwaitedToSign(tx, organiser.ceremony.state, found.id);
    if (!found.removedAt) {
      await tx.participant.update({ where: { id: found.id }, data: { removedAt: new Date() } });
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: userId,
        kind: 'participant.removed',
        payload: { participantId: found.id, displayName: found.displayName },
      });
    }
    return { roomName: organiser.ceremony.roomName, target: found };
  });
  return { liveRoomUpdated: await disconnectFromRoom(roomName, target.userId) };
}

/**
 * Conclusion waits for every field of the plan: removing someone whose signature is still
 * awaited would leave the ceremony unable to conclude. Once signing is open that is anyone
 * with an unsigned field; while live (the plan is fixed, signing about to open) anyone with a field.
 */
async function assertNotAwaitedToSign(tx: Tx, ceremonyState: string, participantId: string): Promise<void> {
  if (ceremonyState === 'SIGNING') {
    const unsigned = await tx.signatureField.count({ where: { participantId, signatureId: null } });
    if (unsigned > 0)
      throw new AppError('INVALID_STATE', 'This person still has fields to sign: they cannot be removed while signing is open.', undefined, {
        reason: 'participant-has-fields-to-sign',
      });
  }
  if (ceremonyState === 'LIVE') {
    const fields = await tx.signatureField.count({ where: { participantId } });
    if (fields > 0)
      throw new AppError('INVALID_STATE', 'This person has signature fields in the agreement: they cannot be removed once the ceremony is live.', undefined, {
        reason: 'participant-has-signature-fields',
      });
  }
}

/**
 * Disconnects an identity. LiveKit servers that support it also reject tokens issued
 * before now (revokeTokenTs); ours (1.13.5) do not, so the attendance webhook evicts a
 * removed person who reconnects with an old token (lib/live/record-attendance.ts).
 */
export async function disconnectFromRoom(roomName: string, identity: string): Promise<boolean> {
  try {
    await getRoomService().removeParticipant(roomName, identity, { revokeTokenTs: BigInt(Math.floor(Date.now() / 1000)) });
    return true;
  } catch (error) {
    if (isLiveKitNotFound(error)) return true;
    console.error(`LiveKit removeParticipant(${roomName}, ${identity}) failed:`, error);
    return false;
  }
}
