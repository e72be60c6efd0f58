import 'server-only';
import { lockForUpdate, type Db, type Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/**
 * The caller's standing in a ceremony, checked inside the use-case's own transaction:
 * not a (current) participant → NOT_FOUND (no existence leak); a participant who is not
 * an organiser → FORBIDDEN.
 */
export async function requireOrganiser(client: Tx | Db, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await client.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, role: true, removedAt: true, ceremony: true },
  });
  if (!me || me.removedAt) throw notFound('Ceremony not found');
  if (me.role !== 'organiser') throw new AppError('FORBIDDEN', 'Only the ceremony’s organisers can do this.');
  return { participantId: me.id, ceremony: me.ceremony };
}

/**
 * requireOrganiser for a use-case that writes under a state guard: first takes the
 * ceremony's lock, the one every state transition takes, so the state it reads cannot
 * change before it commits (on PostgreSQL; SQLite runs transactions one at a time).
 */
export async function requireOrganiserForUpdate(tx: Tx, ids: { ceremonyId: string; userId: string }) {
  await lockForUpdate(tx, `ceremony:${ids.ceremonyId}`);
  return requireOrganiser(tx, ids);
}

/** Any current participant (organiser or not) may read; everyone else gets NOT_FOUND. */
export async function requireParticipant(client: Tx | Db, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await client.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, role: true, removedAt: true },
  });
  if (!me || me.removedAt) throw notFound('Ceremony not found');
  return { participantId: me.id, role: me.role };
}
