import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/**
 * Makes a member an organiser alongside you (a participant holds one role per ceremony,
 * so a signatory cannot also organise: pick another person, e.g. their protocol officer).
 */
export async function makeCoOrganiser({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const participant = await tx.participant.findFirst({ where: { id: participantId, ceremonyId, removedAt: null }, select: { id: true, role: true } });
    if (!participant) throw notFound('Member not found', 'member-not-found');
    if (participant.role === 'organiser') return;
    if (participant.role === 'signatory') {
      throw new AppError('CONFLICT', 'A signatory cannot also be an organiser.', { role: 'signatoryCannotOrganise' }, { reason: 'signatory-cannot-organise' });
    }
    await tx.participant.update({ where: { id: participantId }, data: { role: 'organiser' } });
    await tx.signatureField.deleteMany({ where: { participantId, signatureId: null } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.made-organiser',
      payload: { participantId, previousRole: participant.role },
    });
  });
}
