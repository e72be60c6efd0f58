import 'server-only';
import { db } from '@/lib/db';

/** The ceremonies a user takes part in (any role), soonest first. */
export async function listMyCeremonies({ userId }: { userId: string }) {
  const rows = await db.participant.findMany({
    where: { userId, removedAt: null },
    select: {
      role: true,
      ceremony: {
        select: {
          id: true,
          title: true,
          state: true,
          placeName: true,
          scheduledStart: true,
          scheduledEnd: true,
          timeZone: true,
          delegations: { select: { name: true, capitalName: true, capitalTimeZone: true }, orderBy: { position: 'asc' } },
        },
      },
    },
    orderBy: { ceremony: { scheduledStart: 'asc' } },
  });
  return rows.map(({ role, ceremony }) => ({ ...ceremony, myRole: role }));
}
