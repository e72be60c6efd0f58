import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { requireLiveAccess } from '@/lib/live/load-live-participant';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';

/**
 * Press tier: the organiser releases the agreement's pages to the observers (before that,
 * every document route refuses them until the ceremony concludes). Releasing twice is a no-op.
 */
export async function releasePagesToPress({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  const released = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    await requireLiveAccess(tx, { ceremonyId, userId }, 'release-pages');
    const ceremony = await tx.ceremony.findUniqueOrThrow({ where: { id: ceremonyId }, select: { pagesReleasedAt: true } });
    if (ceremony.pagesReleasedAt) return false;
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { pagesReleasedAt: now } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'press.pages-released', payload: { releasedAt: now.toISOString() }, at: now });
    return true;
  });
  if (released) await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'pages-released' });
  return { released };
}
