import 'server-only';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { followCeremonyMilestone } from '@/lib/protocol/follow-ceremony-milestone';
import { decideSigningOf } from '@/lib/signing/decide-signing';
import { loadSigningContext, originalsWereExchanged } from '@/lib/signing/load-signing-context';

/**
 * Alternat: once every party has signed its own original, the organiser records the
 * exchange of originals; countersignatures may follow. Recording it twice is a no-op.
 * A running programme moves to its exchange step, unless the programme itself is what
 * records the exchange (moveRunOfShow, which moves it afterwards).
 */
export async function recordOriginalsExchange({
  ceremonyId,
  userId,
  now = new Date(),
  followProgramme = true,
}: {
  ceremonyId: string;
  userId: string;
  now?: Date;
  followProgramme?: boolean;
}) {
  const recorded = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { me, ceremony } = await loadSigningContext(tx, { ceremonyId, userId });
    assertAccess(contextOfParticipant({ ...me, ceremony }), 'record-exchange');
    if (ceremony.signingOrder !== 'alternat')
      throw new AppError('INVALID_STATE', 'Originals are exchanged only in alternat signing.', undefined, { reason: 'exchange-only-alternat' });
    if (ceremony.state !== 'SIGNING') throw new AppError('INVALID_STATE', 'Signing is not open.', undefined, { reason: 'signing-not-open' });
    if (await originalsWereExchanged(tx, ceremonyId)) return false;
    if (!decideSigningOf(ceremony, false).exchange.ready)
      throw new AppError('INVALID_STATE', 'Each party must first sign its own original.', undefined, { reason: 'own-originals-first' });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'signing.originals-exchanged',
      payload: { originals: ceremony.documents.map((d) => ({ documentId: d.id, originalFor: d.originalForDelegationId })) },
      at: now,
    });
    if (followProgramme) await followCeremonyMilestone(tx, { ceremonyId, userId, milestone: 'originals-exchanged', now });
    return true;
  });
  if (recorded) await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'SIGNING' });
  return { recorded };
}
