import 'server-only';
import { db } from '@/lib/db';
import { buildEvidencePackage } from '@/lib/evidence/build-evidence-package';

/**
 * A claim older than this is taken to be from a process that died while building; another
 * process takes the job over. Far above the longest packaging seen (seconds for 30 MB
 * originals), so a slow build is not duplicated.
 */
export const EVIDENCE_JOB_STALE_AFTER_MS = 10 * 60_000;

export interface EvidenceJobReport {
  built: string[];
  failed: { ceremonyId: string; error: string }[];
}

/**
 * Builds every evidence package still owed: jobs never claimed (the concluding process
 * died right after its commit) or claimed longer ago than the stale limit (it died while
 * building). Safe to run from several processes at once: a job is built only by the one
 * whose claim matched, and the package itself is stored once per ceremony.
 */
export async function runEvidenceJobs({
  now = new Date(),
  staleAfterMs = EVIDENCE_JOB_STALE_AFTER_MS,
}: { now?: Date; staleAfterMs?: number } = {}): Promise<EvidenceJobReport> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const due = await db.evidenceJob.findMany({
    where: { doneAt: null, OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }] },
    select: { ceremonyId: true },
    orderBy: { createdAt: 'asc' },
  });
  const report: EvidenceJobReport = { built: [], failed: [] };
  for (const { ceremonyId } of due) {
    try {
      if (await runEvidenceJob({ ceremonyId, now, staleAfterMs })) report.built.push(ceremonyId);
    } catch (error) {
      report.failed.push({ ceremonyId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/**
 * Claims the ceremony's job and builds its package. Returns the package, or null when the
 * job is done already or another process holds a fresh claim. A failure is recorded on
 * the job and rethrown; the job is retried once its claim is stale.
 */
export async function runEvidenceJob({
  ceremonyId,
  actorUserId = null,
  now = new Date(),
  staleAfterMs = EVIDENCE_JOB_STALE_AFTER_MS,
}: {
  ceremonyId: string;
  actorUserId?: string | null;
  now?: Date;
  staleAfterMs?: number;
}) {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  // One conditional UPDATE: of two processes racing for the same job, exactly one matches.
  const { count } = await db.evidenceJob.updateMany({
    where: { ceremonyId, doneAt: null, OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }] },
    data: { claimedAt: now, attempts: { increment: 1 } },
  });
  if (count === 0) return null;
  try {
    const evidence = await buildEvidencePackage({ ceremonyId, actorUserId });
    await db.evidenceJob.update({ where: { ceremonyId }, data: { doneAt: new Date(), lastError: null } });
    return evidence;
  } catch (error) {
    await db.evidenceJob.update({ where: { ceremonyId }, data: { lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error) } });
    throw error;
  }
}
