import 'server-only';
import { requireArchivedCeremony } from '@/lib/access/archive-access';
import { legalHoldSchema } from '@/lib/archive/schemas';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/**
 * An archivist puts a concluded ceremony on legal hold, with a reason: retention then
 * purges nothing of it until the hold is lifted. Organisers see the hold but cannot set it.
 */
export async function setLegalHold({ ceremonyId, userId, reason }: { ceremonyId: string; userId: string; reason: string }) {
  const parsed = legalHoldSchema.safeParse({ ceremonyId, reason });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please give a reason for the legal hold.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony, viewer } = await requireArchivedCeremony(tx, { ceremonyId, userId });
    if (viewer.kind !== 'archivist') throw new AppError('FORBIDDEN', 'Only archivists set a legal hold.', undefined, { reason: 'archivists-only' });
    if (ceremony.legalHold) throw new AppError('INVALID_STATE', 'This ceremony is already on legal hold.', undefined, { reason: 'legal-hold-already-set' });
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { legalHold: true, legalHoldReason: parsed.data.reason } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'ceremony.legal-hold-set', payload: { reason: parsed.data.reason } });
    return { legalHold: true as const };
  });
}
