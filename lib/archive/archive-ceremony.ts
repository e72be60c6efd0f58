import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import type { Tx } from '@/lib/db';

/**
 * The organiser closes a concluded ceremony's record: CONCLUDED → ARCHIVED, after which
 * the room stays closed to everyone. Runs inside the caller's transaction (ending the call
 * archives in the same commit as it closes the lobby), under the ceremony's lock, so it
 * cannot race the conclusion it depends on.
 */
export async function archiveCeremony(tx: Tx, { ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  const { ceremony } = await requireAccessForUpdate(tx, { ceremonyId, userId }, 'archive-ceremony');
  assertTransition(ceremony.state, 'ARCHIVED');
  await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'ARCHIVED', archivedAt: now } });
  await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.archived', payload: { from: ceremony.state }, at: now });
}
