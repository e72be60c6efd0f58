import 'server-only';
import type { AccessAction } from '@/lib/access/decide-access';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import type { Db, Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isParticipantRole, type ParticipantRole } from '@/lib/live/participant-roles';

/**
 * The caller's own participation in a ceremony, with what the live use-cases need.
 * Someone who is not a participant gets NOT_FOUND (no existence leak); a removed
 * participant is told so (they know the ceremony exists).
 */
export async function loadLiveParticipant(client: Db | Tx, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const participant = await client.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: {
      id: true,
      userId: true,
      role: true,
      displayName: true,
      delegationId: true,
      admittedAt: true,
      removedAt: true,
      delegation: { select: { name: true } },
      ceremony: { select: { id: true, state: true, roomName: true, lobbyOpen: true, rehearsalStart: true } },
    },
  });
  if (!participant) throw notFound('Ceremony not found', 'ceremony-not-found');
  if (participant.removedAt)
    throw new AppError('FORBIDDEN', 'The organiser has removed you from this ceremony.', undefined, { reason: 'removed-from-ceremony' });
  const { role } = participant;
  if (!isParticipantRole(role)) throw new AppError('INTERNAL', `Unknown participant role "${role}"`);
  return { ...participant, role: role as ParticipantRole };
}

export type LiveParticipant = Awaited<ReturnType<typeof loadLiveParticipant>>;

/** The caller's participation, if lib/access lets them do `action` now (host controls: 'host-room'). */
export async function requireLiveAccess(client: Db | Tx, ids: { ceremonyId: string; userId: string }, action: AccessAction): Promise<LiveParticipant> {
  const participant = await loadLiveParticipant(client, ids);
  assertAccess(contextOfParticipant(participant), action);
  return participant;
}

/** Another participant of the same ceremony, as a host control's target. */
export async function loadTargetParticipant(client: Db | Tx, { ceremonyId, participantId }: { ceremonyId: string; participantId: string }) {
  const target = await client.participant.findFirst({
    where: { id: participantId, ceremonyId },
    select: { id: true, userId: true, role: true, displayName: true, admittedAt: true, removedAt: true },
  });
  if (!target) throw notFound('Participant not found', 'participant-not-found');
  return target;
}
