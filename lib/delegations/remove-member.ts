import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { requireOrganiser } from '@/lib/ceremonies/require-organiser';
import { transaction } from '@/lib/db';
import { assertPlanEditable } from '@/lib/delegations/assert-plan-editable';
import { assertKeepsAnOrganiser } from '@/lib/delegations/update-member';
import { AppError, notFound } from '@/lib/errors';
import { refreshStoredPlan } from '@/lib/scheduling/load-plan-inputs';

/**
 * Takes a person off the ceremony before the day. Nobody has signed anything yet (the
 * plan is editable only before LIVE), so their unsigned fields go with them; the row stays,
 * marked removed, so the audit trail keeps naming them.
 */
export async function removeMember({ ceremonyId, userId, participantId }: { ceremonyId: string; userId: string; participantId: string }) {
  return transaction(async (tx) => {
    const { ceremony } = await requireOrganiser(tx, { ceremonyId, userId });
    assertPlanEditable(ceremony.state);
    const participant = await tx.participant.findFirst({
      where: { id: participantId, ceremonyId, removedAt: null },
      select: { id: true, role: true, displayName: true, _count: { select: { signatures: true } } },
    });
    if (!participant) throw notFound('Member not found');
    if (participant._count.signatures > 0) throw new AppError('CONFLICT', 'This person has already signed.');
    if (participant.role === 'organiser') await assertKeepsAnOrganiser(tx, ceremonyId, participantId);
    await tx.signatureField.deleteMany({ where: { participantId, signatureId: null } });
    await tx.participant.update({ where: { id: participantId }, data: { removedAt: new Date() } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'participant.removed', payload: { participantId, name: participant.displayName, role: participant.role } });
    await refreshStoredPlan(tx, ceremony);
  });
}
