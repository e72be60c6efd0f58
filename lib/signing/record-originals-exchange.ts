import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { loadSigningContext, originalsWereExchanged, turnInputOf } from '@/lib/signing/load-signing-context';
import { ownOriginalsComplete } from '@/lib/signing/signing-turn';

/**
 * Alternat: once every party has signed its own original, the organiser records the
 * exchange of originals; countersignatures may follow. Recording it twice is a no-op.
 */
export async function recordOriginalsExchange({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  const recorded = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { me, ceremony } = await loadSigningContext(tx, { ceremonyId, userId });
    if (me.role !== 'organiser') throw new AppError('FORBIDDEN', 'Only the organiser records the exchange of originals.');
    if (ceremony.signingOrder !== 'alternat') throw new AppError('INVALID_STATE', 'Originals are exchanged only in alternat signing.');
    if (ceremony.state !== 'SIGNING') throw new AppError('INVALID_STATE', 'Signing is not open.');
    if (await originalsWereExchanged(tx, ceremonyId)) return false;
    if (!ownOriginalsComplete(turnInputOf(ceremony, false))) throw new AppError('INVALID_STATE', 'Each party must first sign its own original.');
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'signing.originals-exchanged',
      payload: { originals: ceremony.documents.map((d) => ({ documentId: d.id, originalFor: d.originalForDelegationId })) },
      at: now,
    });
    return true;
  });
  if (recorded) await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'SIGNING' });
  return { recorded };
}
