import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { isUniqueViolation, transaction } from '@/lib/db';
import { disconnectFromRoom } from '@/lib/live/remove-participant';
import type { LiveKitWebhook } from '@/lib/live/verify-webhook';

/** LiveKit webhook → attendance audit event. Other webhooks are acknowledged and ignored. */
const attendanceKinds: Record<string, string> = {
  participant_joined: 'participant.joined',
  participant_left: 'participant.left',
  participant_connection_aborted: 'participant.left',
  room_started: 'room.started',
  room_finished: 'room.finished',
};

export type AttendanceOutcome = 'recorded' | 'duplicate' | 'ignored';

/**
 * Writes the attendance log from verified LiveKit webhooks, once per webhook id (LiveKit
 * retries deliveries). Someone who joins although they were removed, or who is no
 * participant at all, is recorded and then disconnected: self-hosted LiveKit cannot revoke
 * a token that is still within its ten minutes (hostile case "Removed participant rejoins").
 */
export async function recordAttendance(webhook: LiveKitWebhook): Promise<AttendanceOutcome> {
  const kind = attendanceKinds[webhook.event];
  type Result = { outcome: AttendanceOutcome; evict?: { roomName: string; identity: string } };
  let result: Result;
  try {
    result = await transaction(async (tx): Promise<Result> => {
      await tx.processedWebhook.create({ data: { id: webhook.id } });
      if (!kind || !webhook.roomName) return { outcome: 'ignored' };
      const ceremony = await tx.ceremony.findUnique({ where: { roomName: webhook.roomName }, select: { id: true } });
      if (!ceremony) return { outcome: 'ignored' };
      const identity = webhook.participant?.identity ?? null;
      const participant = identity
        ? await tx.participant.findUnique({
            where: { ceremonyId_userId: { ceremonyId: ceremony.id, userId: identity } },
            select: { id: true, userId: true, displayName: true, role: true, removedAt: true },
          })
        : null;
      const payload = {
        webhookId: webhook.id,
        webhookEvent: webhook.event,
        occurredAt: webhook.occurredAt.toISOString(),
        ...(webhook.participant
          ? {
              identity: webhook.participant.identity,
              livekitSid: webhook.participant.sid,
              name: webhook.participant.name,
              participantId: participant?.id ?? null,
              role: participant?.role ?? null,
            }
          : {}),
      };
      await appendAuditEvent(tx, { ceremonyId: ceremony.id, actorUserId: participant?.userId ?? null, kind, payload });
      if (webhook.event === 'participant_joined' && identity && (!participant || participant.removedAt)) {
        await appendAuditEvent(tx, {
          ceremonyId: ceremony.id,
          actorUserId: null,
          kind: 'participant.evicted',
          payload: { identity, participantId: participant?.id ?? null, reason: participant ? 'removed' : 'not a participant' },
        });
        return { outcome: 'recorded', evict: { roomName: webhook.roomName, identity } };
      }
      return { outcome: 'recorded' };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
  if (result.evict) await disconnectFromRoom(result.evict.roomName, result.evict.identity);
  return result.outcome;
}
