import 'server-only';
import { z } from 'zod';
import { requireParticipantAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';

const connectionQualities = ['excellent', 'good', 'poor', 'lost', 'unknown'] as const;

export const readinessSchema = z.object({
  cameraOk: z.boolean(),
  microphoneOk: z.boolean(),
  connectionQuality: z.enum(connectionQualities),
  signingPadTried: z.boolean().default(false),
});
export type ReadinessInput = z.input<typeof readinessSchema>;

/**
 * A participant's readiness as their browser measured it in the rehearsal (camera,
 * microphone, connection quality, signing pad tried), for the organiser's checklist. Each
 * report is a new row; once the signing pad was tried it stays tried.
 */
export async function recordReadiness({ ceremonyId, userId, now = new Date(), ...input }: ReadinessInput & { ceremonyId: string; userId: string; now?: Date }) {
  const parsed = readinessSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid readiness report.', undefined, { reason: 'readiness-report-invalid' });
  return transaction(async (tx) => {
    const { participant: me } = await requireParticipantAccess(tx, { ceremonyId, userId }, 'record-readiness');
    const previous = await tx.readinessCheck.findFirst({ where: { participantId: me.id }, orderBy: { checkedAt: 'desc' }, select: { signingPadTried: true } });
    const check = await tx.readinessCheck.create({
      data: { participantId: me.id, ...parsed.data, signingPadTried: parsed.data.signingPadTried || (previous?.signingPadTried ?? false), checkedAt: now },
      select: { id: true, cameraOk: true, microphoneOk: true, connectionQuality: true, signingPadTried: true },
    });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'readiness.checked', payload: { participantId: me.id, ...check }, at: now });
    return check;
  });
}
