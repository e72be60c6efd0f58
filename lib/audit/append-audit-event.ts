import 'server-only';
import { lockForUpdate, type Tx } from '@/lib/db';
import { canonicalJson, computeEventHash, GENESIS_HASH } from '@/lib/audit/hash-chain';

export const PLATFORM_CHAIN = 'platform';

export interface AuditEventInput {
  ceremonyId?: string | null;
  actorUserId?: string | null;
  kind: string;
  payload?: Record<string, unknown>;
  /** Defaults to now; tests pass a fixed instant. */
  at?: Date;
}

/**
 * Appends one event to its chain (the ceremony's, or the platform's) inside the caller's
 * transaction, so the change and its evidence commit or vanish together.
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput) {
  const chain = input.ceremonyId ?? PLATFORM_CHAIN;
  await lockForUpdate(tx, `audit:${chain}`);
  const previous = await tx.auditEvent.findFirst({ where: { chain }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const fields = {
    chain,
    seq: (previous?.seq ?? 0) + 1,
    ceremonyId: input.ceremonyId ?? null,
    actorUserId: input.actorUserId ?? null,
    kind: input.kind,
    payload: canonicalJson(input.payload ?? {}),
    // Millisecond precision survives both databases unchanged, so the hash recomputes.
    createdAt: new Date(Math.floor((input.at ?? new Date()).getTime())),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({ data: { ...fields, hash: computeEventHash(fields) } });
}
