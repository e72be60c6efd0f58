import 'server-only';
import { requireArchivedCeremony } from '@/lib/access/archive-access';
import { legalHoldSchema } from '@/lib/archive/schemas';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/** An archivist lifts a legal hold, with a reason; retention applies again from then on. */
export async function liftLegalHold({ ceremonyId, userId, reason }: { ceremonyId: string; userId: string; reason: string }) {
  const parsed = legalHoldSchema.safeParse({ ceremonyId, reason });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please give a reason for lifting the legal hold.', fieldErrorsFromZod(parsed.error));
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony, viewer } = await requireArchivedCeremony(tx, { ceremonyId, userId });
    if (viewer.kind !== 'archivist') throw new AppError('FORBIDDEN', 'Only archivists lift a legal hold.', undefined, { reason: 'archivists-only' });
    if (!ceremony.legalHold) throw new AppError('INVALID_STATE', 'This ceremony is not on legal hold.', undefined, { reason: 'legal-hold-not-set' });
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { legalHold: false, legalHoldReason: null } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'ceremony.legal-hold-lifted',
      payload: { reason: parsed.data.reason, previousReason: ceremony.legalHoldReason },
    });
    return { legalHold: false as const };
  });
}
