import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { assertKeepsAnOrganiser } from '@/lib/delegations/update-member';
import { AppError, notFound } from '@/lib/errors';
import { disconnectFromRoom } from '@/lib/live/remove-participant';

/**
 * Takes a person off the ceremony before the day. Nobody has signed anything yet (the
 * plan is editable only before LIVE), so their unsigned fields go with them; the row stays,
 * marked removed, so the audit trail keeps naming them. If they are in the room (the
 * rehearsal), they are disconnected.
 */
export async function removeMember({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  const removed = await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const participant = await tx.participant.findFirst({
      where: { id: participantId, ceremonyId, removedAt: null },
      select: { id: true, userId: true, role: true, displayName: true, _count: { select: { signatures: true } } },
    });
    if (!participant) throw notFound('Member not found', 'member-not-found');
    if (participant._count.signatures > 0) throw new AppError('CONFLICT', 'This person has already signed.', undefined, { reason: 'member-has-signed' });
    if (participant.role === 'organiser') await assertKeepsAnOrganiser(tx, ceremonyId, participantId);
    await tx.signatureField.deleteMany({ where: { participantId, signatureId: null } });
    await tx.participant.update({ where: { id: participantId }, data: { removedAt: new Date() } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.removed',
      payload: { participantId, name: participant.displayName, role: participant.role },
    });
    return { roomName: ceremony.roomName, identity: participant.userId };
  });
  // The technical rehearsal runs in the ceremony's room before the day: someone taken off
  // the ceremony leaves it now, not when their token expires (a failure is logged there;
  // the attendance webhook evicts them if they come back).
  await disconnectFromRoom(removed.roomName, removed.identity);
}
