import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { deliverInvitations } from '@/lib/scheduling/deliver-invitations';

/**
 * "Send invitations": every participant gets an email in their language with an .ics
 * (METHOD:REQUEST, the ceremony's SEQUENCE). Sending again reaches only those who have
 * not had this SEQUENCE yet (people added since, or failed deliveries).
 */
export async function sendInvitations({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  await transaction(async (tx) => {
    const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'send-invitations');
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
