import 'server-only';
import { ARCHIVED_STATES } from '@/lib/access/access-sets';
import { decideAccess } from '@/lib/access/decide-access';
import type { Db, Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isParticipantRole } from '@/lib/live/participant-roles';

/**
 * Who may use the archive: an archivist (global role) reads every
 * concluded ceremony; an organiser reads only the ceremonies they organise. For a
 * ceremony-scoped request everyone else gets NOT_FOUND (no existence leak); for the
 * archive-wide screens (search, verify) a signed-in member who is neither gets FORBIDDEN.
 */

export type ArchiveViewer = { userId: string; kind: 'archivist' } | { userId: string; kind: 'organiser' };

/** Archive-wide access: archivists and organisers; anyone else → FORBIDDEN. */
export async function requireArchiveViewer(client: Tx | Db, { userId }: { userId: string }): Promise<ArchiveViewer> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { globalRole: true } });
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  if (user.globalRole === 'archivist') return { userId, kind: 'archivist' };
  if (user.globalRole === 'organiser') return { userId, kind: 'organiser' };
  const organises = await client.participant.findFirst({ where: { userId, role: 'organiser', removedAt: null }, select: { id: true } });
  if (organises) return { userId, kind: 'organiser' };
  throw new AppError('FORBIDDEN', 'The archive is open to archivists and to organisers for their own ceremonies.', undefined, {
    reason: 'archive-closed-to-you',
  });
}

/**
 * One concluded ceremony as the caller may see it: an archivist any, an organiser their own.
 * Not visible, not concluded or not there → NOT_FOUND, all alike.
 */
export async function requireArchivedCeremony(client: Tx | Db, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const [user, me, ceremony] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { globalRole: true } }),
    client.participant.findUnique({ where: { ceremonyId_userId: { ceremonyId, userId } }, select: { role: true, removedAt: true } }),
    client.ceremony.findUnique({
      where: { id: ceremonyId },
      select: { id: true, title: true, state: true, concludedAt: true, legalHold: true, legalHoldReason: true },
    }),
  ]);
  const isArchivist = user?.globalRole === 'archivist';
  const decision = decideAccess(
    {
      ceremony: ceremony && { state: ceremony.state, rehearsalPlanned: false },
      participant: me && isParticipantRole(me.role) ? { role: me.role, delegationId: null, removed: me.removedAt !== null } : null,
      archivist: isArchivist,
    },
    'view-archive',
  );
  if (!ceremony || !decision.allowed) throw notFound('Ceremony not found', 'ceremony-not-found');
  const viewer: ArchiveViewer = { userId, kind: isArchivist ? 'archivist' : 'organiser' };
  return { ceremony, viewer };
}

/** Archive-wide listings: which ceremonies the viewer's search may return. */
export function visibleCeremoniesFilter(viewer: ArchiveViewer) {
  const concluded = { state: { in: [...ARCHIVED_STATES] } };
  if (viewer.kind === 'archivist') return concluded;
  return { ...concluded, participants: { some: { userId: viewer.userId, role: 'organiser', removedAt: null } } };
}
