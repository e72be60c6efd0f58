import 'server-only';
import { db } from '@/lib/db';
import { PLATFORM_CHAIN } from '@/lib/audit/append-audit-event';
import { verifyChain, type ChainVerdict } from '@/lib/audit/hash-chain';

/** Recomputes a chain from the stored rows; names the first event that no longer fits. */
export async function checkAuditChain({ ceremonyId }: { ceremonyId: string | null }): Promise<ChainVerdict> {
  const events = await db.auditEvent.findMany({ where: { chain: ceremonyId ?? PLATFORM_CHAIN }, orderBy: { seq: 'asc' } });
  return verifyChain(events);
}
