import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ParsedMember } from '@/lib/delegations/schemas';

/**
 * The user behind an email: found, or created now without a password or session. They
 * complete their account on first sign-in by magic link (Auth.js matches by email).
 */
async function findOrCreateUser(tx: Tx, { email, name }: { email: string; name: string }) {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, globalRole: true } });
  // Archivists keep the record of concluded ceremonies; they never sign or join one.
  if (existing?.globalRole === 'archivist') {
    throw new AppError(
      'INVALID_INPUT',
      `${email} is an archivist and cannot take part in a ceremony.`,
      { email: 'archivistCannotTakePart' },
      { reason: 'archivist-cannot-take-part', params: { email } },
    );
  }
  if (existing) return { id: existing.id, created: false };
  const user = await tx.user.create({ data: { email, name }, select: { id: true } });
  return { id: user.id, created: true };
}

export async function assertDelegationOfCeremony(tx: Tx, ceremonyId: string, delegationId: string | null): Promise<void> {
  if (delegationId === null) return;
  const found = await tx.delegation.findFirst({ where: { id: delegationId, ceremonyId }, select: { id: true } });
  if (!found) throw new AppError('INVALID_INPUT', 'Unknown delegation.', { delegationId: 'unknownDelegation' }, { reason: 'delegation-unknown' });
}

/**
 * Full powers are examined across delegations: once a letter exists for a person, or they
 * have examined someone's, moving them to another delegation could make an approval come
 * from the signatory's own side.
 */
export async function assertMayChangeDelegation(
  tx: Tx,
  { ceremonyId, participantId, userId }: { ceremonyId: string; participantId: string; userId: string },
): Promise<void> {
  const submitted = await tx.fullPowers.count({ where: { participantId } });
  const examined = await tx.fullPowers.count({ where: { reviewedById: userId, participant: { ceremonyId } } });
  if (submitted + examined > 0) {
    throw new AppError(
      'CONFLICT',
      'Full powers have been submitted or examined for this person: they cannot move to another delegation.',
      { delegationId: 'fullPowersExist' },
      { reason: 'full-powers-bind-delegation' },
    );
  }
}

/** Adds one member inside the caller's transaction; a person already in the ceremony is a conflict. */
export async function addParticipant(tx: Tx, ceremonyId: string, member: ParsedMember) {
  await assertDelegationOfCeremony(tx, ceremonyId, member.delegationId);
  const user = await findOrCreateUser(tx, { email: member.email, name: member.name });
  const already = await tx.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId: user.id } },
    select: { id: true, removedAt: true, delegationId: true },
  });
  if (already && !already.removedAt)
    throw new AppError(
      'CONFLICT',
      `${member.email} is already part of this ceremony.`,
      { email: 'alreadyMember' },
      { reason: 'already-member', params: { email: member.email } },
    );
  if (already && already.delegationId !== member.delegationId) await assertMayChangeDelegation(tx, { ceremonyId, participantId: already.id, userId: user.id });
  const data = { role: member.role, displayName: member.name, title: member.title, delegationId: member.delegationId };
  const participant = already
    ? await tx.participant.update({ where: { id: already.id }, data: { ...data, removedAt: null }, select: { id: true } })
    : await tx.participant.create({ data: { ...data, ceremonyId, userId: user.id }, select: { id: true } });
  return { participantId: participant.id, userId: user.id, userCreated: user.created };
}
