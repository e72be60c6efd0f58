import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction, type Tx } from '@/lib/db';
import { assertDelegationOfCeremony, assertMayChangeDelegation } from '@/lib/delegations/member-helpers';
import { memberUpdateSchema, type MemberUpdateInput } from '@/lib/delegations/schemas';
import { AppError, notFound } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/** A ceremony keeps at least one organiser: nobody can demote or remove the last one. */
export async function assertKeepsAnOrganiser(tx: Tx, ceremonyId: string, leavingParticipantId: string): Promise<void> {
  const others = await tx.participant.count({ where: { ceremonyId, role: 'organiser', removedAt: null, id: { not: leavingParticipantId } } });
  if (others === 0) throw new AppError('CONFLICT', 'A ceremony needs at least one organiser.', { role: 'lastOrganiser' }, { reason: 'last-organiser' });
}

/**
 * Name, title, role and delegation of a member. The email is the person's identity and
 * does not change here (remove and add instead). A signatory who is no longer one loses
 * the signature fields placed for them.
 */
export async function updateMember({
  ceremonyId,
  userId,
  participantId,
  ...input
}: MemberUpdateInput & { ceremonyId: string; userId: string; participantId: string }) {
  const parsed = memberUpdateSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the member.', fieldErrorsFromZod(parsed.error));
  const data = parsed.data;
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-members');
    const participant = await tx.participant.findFirst({
      where: { id: participantId, ceremonyId, removedAt: null },
      select: { id: true, role: true, userId: true, delegationId: true },
    });
    if (!participant) throw notFound('Member not found', 'member-not-found');
    await assertDelegationOfCeremony(tx, ceremonyId, data.delegationId);
    if (data.delegationId !== participant.delegationId) await assertMayChangeDelegation(tx, { ceremonyId, participantId, userId: participant.userId });
    if (participant.role === 'organiser' && data.role !== 'organiser') await assertKeepsAnOrganiser(tx, ceremonyId, participantId);
    await tx.participant.update({
      where: { id: participantId },
      data: { displayName: data.name, title: data.title, role: data.role, delegationId: data.delegationId },
    });
    const keepsFields = data.role === 'signatory' || data.role === 'witness';
    const removedFields = keepsFields ? 0 : (await tx.signatureField.deleteMany({ where: { participantId, signatureId: null } })).count;
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.changed',
      payload: { participantId, ...data, previousRole: participant.role, removedFields },
    });
  });
}
