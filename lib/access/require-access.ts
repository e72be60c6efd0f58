import 'server-only';
import { decideAccess, type AccessAction, type AccessContext, type AccessTarget } from '@/lib/access/decide-access';
import { lockForUpdate, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isParticipantRole, type ParticipantRole } from '@/lib/live/participant-roles';

/**
 * Builds the caller's access context from the database once (their participation with the
 * whole ceremony row, and the archivist flag), inside the use-case's own transaction.
 */
export async function loadAccess(client: Tx | Db, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await client.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, role: true, delegationId: true, removedAt: true, ceremony: true },
  });
  // Archivists never take part, so only a stranger's row is worth the two extra reads.
  const user = me ? null : await client.user.findUnique({ where: { id: userId }, select: { globalRole: true } });
  const archivist = user?.globalRole === 'archivist';
  const ceremony = me ? me.ceremony : archivist ? await client.ceremony.findUnique({ where: { id: ceremonyId } }) : null;
  if (me && !isParticipantRole(me.role)) throw new AppError('INTERNAL', `Unknown participant role "${me.role}"`);
  const context: AccessContext = {
    ceremony: ceremony && { state: ceremony.state, rehearsalPlanned: ceremony.rehearsalStart !== null },
    participant: me && { role: me.role as ParticipantRole, delegationId: me.delegationId, removed: me.removedAt !== null },
    archivist,
  };
  const participant = me && { id: me.id, role: me.role as ParticipantRole, delegationId: me.delegationId };
  return { context, ceremony, participant };
}

/**
 * The access context of a participation a use-case loaded with its own query (with the
 * includes it needs anyway): null → a stranger. Not for archive actions (no archivist flag).
 */
export function contextOfParticipant(
  me: { role: string; delegationId: string | null; removedAt?: Date | null; ceremony: { state: string; rehearsalStart: Date | null } } | null,
): AccessContext {
  if (me && !isParticipantRole(me.role)) throw new AppError('INTERNAL', `Unknown participant role "${me.role}"`);
  return {
    ceremony: me && { state: me.ceremony.state, rehearsalPlanned: me.ceremony.rehearsalStart !== null },
    participant: me && { role: me.role as ParticipantRole, delegationId: me.delegationId, removed: me.removedAt != null },
    archivist: false,
  };
}

/** Throws the AppError of a refusal; the caller's context is unchanged. */
export function assertAccess(context: AccessContext, action: AccessAction, target?: AccessTarget): void {
  const decision = decideAccess(context, action, target);
  if (!decision.allowed) throw new AppError(decision.code, decision.message, undefined, { reason: decision.reason, params: decision.params });
}

/**
 * "May this user do `action` in this ceremony now?" Loads the context, decides, and
 * returns the caller's participation and the ceremony, or throws: NOT_FOUND for strangers
 * (no existence leak), FORBIDDEN for the wrong role, INVALID_STATE for the wrong moment.
 */
export async function requireAccess(client: Tx | Db, ids: { ceremonyId: string; userId: string }, action: AccessAction, target?: AccessTarget) {
  const { context, ceremony, participant } = await loadAccess(client, ids);
  assertAccess(context, action, target);
  // decideAccess refuses a missing ceremony, so an allowed caller always has one.
  return { ceremony: ceremony!, participant, archivist: context.archivist };
}

/** requireAccess for an action only participants may take: their participation, never null. */
export async function requireParticipantAccess(client: Tx | Db, ids: { ceremonyId: string; userId: string }, action: AccessAction, target?: AccessTarget) {
  const { ceremony, participant } = await requireAccess(client, ids, action, target);
  if (!participant) throw new AppError('INTERNAL', `Action "${action}" is not a participant's.`);
  return { ceremony, participant };
}

/**
 * requireAccess for a use-case that writes under a state guard: first takes the ceremony's
 * lock, the one every state transition takes, so the state decided on cannot change before
 * it commits (on PostgreSQL; SQLite runs transactions one at a time).
 */
export async function requireAccessForUpdate(tx: Tx, ids: { ceremonyId: string; userId: string }, action: AccessAction, target?: AccessTarget) {
  await lockForUpdate(tx, `ceremony:${ids.ceremonyId}`);
  return requireAccess(tx, ids, action, target);
}
