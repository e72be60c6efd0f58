import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { requireOrganiserForUpdate } from '@/lib/ceremonies/require-organiser';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { deliverInvitations } from '@/lib/scheduling/deliver-invitations';

/**
 * "Send invitations": every participant gets an email in their language with an .ics
 * (METHOD:REQUEST, the ceremony's SEQUENCE). Sending again reaches only those who have
 * not had this SEQUENCE yet (people added since, or failed deliveries).
 */
export async function sendInvitations({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  await transaction(async (tx) => {
    const { ceremony } = await requireOrganiserForUpdate(tx, { ceremonyId, userId });
    if (ceremony.state !== 'SCHEDULED') {
      throw new AppError('INVALID_STATE', 'Invitations go out once the ceremony is scheduled.');
    }
    const recipients = await tx.participant.count({ where: { ceremonyId, removedAt: null } });
    if (!ceremony.invitationsSentAt) await tx.ceremony.update({ where: { id: ceremonyId }, data: { invitationsSentAt: new Date() } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.invitations-sent',
      payload: { icsSequence: ceremony.icsSequence, recipients },
    });
  });
  return deliverInvitations({ ceremonyId, kind: 'invitation' });
}
