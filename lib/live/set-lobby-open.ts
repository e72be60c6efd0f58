import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { requireLiveAccess } from '@/lib/live/load-live-participant';

/** "Open the room": from now on nobody waits in the lobby (or, closed again, new arrivals wait). */
export async function setLobbyOpen({ ceremonyId, userId, open }: { ceremonyId: string; userId: string; open: boolean }) {
  return transaction(async (tx) => {
    // The state guard below holds until commit: transitions take the same lock.
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'host-room');
    if (organiser.ceremony.lobbyOpen === open) return { changed: false };
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { lobbyOpen: open } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: open ? 'lobby.opened' : 'lobby.closed' });
    return { changed: true };
  });
}
