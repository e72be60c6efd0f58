import 'server-only';
import { z } from 'zod';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireLiveAccess } from '@/lib/live/load-live-participant';
import { formatDateTime } from '@/lib/time/format-instant';

const rollCallSchema = z.object({
  presentParticipantIds: z.array(z.string().min(1).max(64)).max(500),
});

/**
 * Roll call, during the opening of the run of show: the organiser confirms which members of
 * each delegation are present (the room prefills it from LiveKit attendance). Members not
 * named are recorded as absent. One audit event with the time in every capital.
 */
export async function confirmRollCall({
  ceremonyId,
  userId,
  presentParticipantIds,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  presentParticipantIds: string[];
  now?: Date;
}) {
  const parsed = rollCallSchema.safeParse({ presentParticipantIds });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid roll call.', undefined, { reason: 'roll-call-invalid' });
  const present = new Set(parsed.data.presentParticipantIds);
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    await requireLiveAccess(tx, { ceremonyId, userId }, 'take-roll-call');
    const ceremony = await tx.ceremony.findUniqueOrThrow({
      where: { id: ceremonyId },
      select: {
        delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, capitalName: true, capitalTimeZone: true } },
        participants: {
          where: { removedAt: null, delegationId: { not: null }, role: { not: 'observer' } },
          orderBy: { createdAt: 'asc' },
          select: { id: true, displayName: true, role: true, delegationId: true, presentConfirmedAt: true },
        },
      },
    });
    const members = ceremony.participants;
    const unknown = [...present].filter((id) => !members.some((member) => member.id === id));
    if (unknown.length > 0)
      throw new AppError('INVALID_INPUT', 'The roll call names someone who is not a delegation member.', undefined, { reason: 'roll-call-unknown-member' });

    for (const member of members) {
      const isPresent = present.has(member.id);
      if (isPresent && !member.presentConfirmedAt) await tx.participant.update({ where: { id: member.id }, data: { presentConfirmedAt: now } });
      if (!isPresent && member.presentConfirmedAt) await tx.participant.update({ where: { id: member.id }, data: { presentConfirmedAt: null } });
    }
    const delegationName = new Map(ceremony.delegations.map((d) => [d.id, d.name]));
    const describe = (member: (typeof members)[number]) => ({
      participantId: member.id,
      name: member.displayName,
      role: member.role,
      delegation: delegationName.get(member.delegationId ?? '') ?? '',
    });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'roll-call.confirmed',
      payload: {
        present: members.filter((m) => present.has(m.id)).map(describe),
        absent: members.filter((m) => !present.has(m.id)).map(describe),
        times: ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, 'en', d.capitalTimeZone)}`),
      },
      at: now,
    });
    return { present: present.size, absent: members.length - present.size };
  });
}
