import 'server-only';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { loadCeremonyProtocol } from '@/lib/protocol/load-ceremony-protocol';
import { loadPlanInputs } from '@/lib/scheduling/load-plan-inputs';

/**
 * A ceremony as one participant may see it. Anyone who is not a (non-removed)
 * participant gets NOT_FOUND, whether or not the ceremony exists.
 */
export async function loadCeremonyOverview({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const { participant: me } = await requireParticipantAccess(db, { ceremonyId, userId }, 'view-ceremony');
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      description: true,
      placeName: true,
      state: true,
      scheduledStart: true,
      scheduledEnd: true,
      timeZone: true,
      signingOrder: true,
      invitationsSentAt: true,
      delegations: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          name: true,
          country: true,
          capitalName: true,
          capitalTimeZone: true,
          participants: {
            where: { removedAt: null, role: { not: 'observer' } },
            orderBy: { createdAt: 'asc' },
            select: { id: true, displayName: true, title: true, role: true },
          },
        },
      },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        select: { id: true, title: true, language: true, pageCount: true, originalSha256: true },
      },
    },
  });
  // Organisers also see what scheduling still needs and the signing plan.
  const planning = me.role === 'organiser' ? await loadPlanInputs(db, ceremonyId) : null;
  // Full powers, rehearsal readiness, transmittal and public summary (the protocol features).
  const protocol = await loadCeremonyProtocol(db, { ceremonyId, participantId: me.id, role: me.role });
  return { ceremony, myRole: me.role, planning, protocol };
}
