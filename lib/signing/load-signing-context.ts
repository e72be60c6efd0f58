import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';

/** Name of the platform's closing seal field, prepared when signing opens. */
export const SEAL_FIELD_NAME = 'accord-seal';

/**
 * Loads a ceremony for a signing use-case with the caller's visibility: not a participant
 * → NOT_FOUND (an archivist, who may know concluded ceremonies, gets FORBIDDEN instead:
 * archivists never sign).
 */
export async function loadSigningContext(tx: Tx, { ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await tx.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    include: { delegation: true, user: { select: { name: true, title: true } } },
  });
  if (!me || me.removedAt) {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { globalRole: true } });
    const exists = await tx.ceremony.findUnique({ where: { id: ceremonyId }, select: { id: true } });
    if (user?.globalRole === 'archivist' && exists) throw new AppError('FORBIDDEN', 'Archivists cannot sign.', undefined, { reason: 'archivist-cannot-sign' });
    throw notFound('Ceremony not found', 'ceremony-not-found');
  }
  const ceremony = await tx.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    include: {
      delegations: { orderBy: { position: 'asc' } },
      participants: { select: { id: true, delegationId: true, displayName: true, role: true } },
      documents: { where: { specimen: false }, include: { fields: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  return { me, ceremony };
}

/** Alternat's exchange of originals is recorded as an audit event of the ceremony. */
export async function originalsWereExchanged(tx: Tx, ceremonyId: string): Promise<boolean> {
  return (await tx.auditEvent.count({ where: { ceremonyId, kind: 'signing.originals-exchanged' } })) > 0;
}
