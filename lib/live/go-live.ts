import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { requireLiveAccess } from '@/lib/live/load-live-participant';
import { notifyRoom } from '@/lib/live/notify-room';
import { roomTopics } from '@/lib/live/room-messages';
import { restartProgrammeAfterRehearsal } from '@/lib/protocol/restart-programme';

/** The organiser starts the ceremony: SCHEDULED → LIVE; everyone admitted may now enter the room. */
export async function goLive({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const roomName = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'run-ceremony');
    assertTransition(organiser.ceremony.state, 'LIVE');
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'LIVE' } });
    const programmeRestarted = await restartProgrammeAfterRehearsal(tx, ceremonyId);
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.live', payload: { from: organiser.ceremony.state, programmeRestarted } });
    return organiser.ceremony.roomName;
  });
  await notifyRoom(roomName, { topic: roomTopics.state, message: { kind: 'ceremony', state: 'LIVE' } });
  return { state: 'LIVE' as const };
}
