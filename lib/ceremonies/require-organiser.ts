import 'server-only';
import type { Db, Tx } from '@/lib/db';
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

/** Any current participant (organiser or not) may read; everyone else gets NOT_FOUND. */
export async function requireParticipant(client: Tx | Db, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await client.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, role: true, removedAt: true },
  });
  if (!me || me.removedAt) throw notFound('Ceremony not found');
  return { participantId: me.id, role: me.role };
}
