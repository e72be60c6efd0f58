import 'server-only';
import { ARCHIVED_STATES } from '@/lib/access/access-sets';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, lockForUpdate, transaction } from '@/lib/db';
import { env } from '@/lib/env';

export interface PurgeReport {
  retentionDays: number | null;
  /** Conclusion instant before which artefacts are due (null: keep forever). */
  cutoff: Date | null;
  purged: { artefactId: string; ceremonyId: string; kind: string; byteLength: number }[];
  /** Ceremonies past retention that keep their artefacts because of a legal hold. */
  heldCeremonyIds: string[];
}

/**
 * Retention: the generated artefacts (certificate of
 * completion, evidence package, …) of ceremonies concluded more than RETENTION_DAYS ago
 * are emptied — the row stays, with `purgedAt` and its SHA-256, so the record says what
 * existed — each with an audit event. A ceremony on legal hold is never touched (checked
 * again under the ceremony's lock, so a hold set meanwhile wins). The signed revisions are
 * not artefacts: they are the originals the audit chain and signatures refer to.
 * RETENTION_DAYS unset keeps everything. Running it again purges nothing new.
 */
export async function purgeExpiredArtefacts({
  now = new Date(),
  retentionDays = env.RETENTION_DAYS,
}: { now?: Date; retentionDays?: number } = {}): Promise<PurgeReport> {
  if (retentionDays === undefined) return { retentionDays: null, cutoff: null, purged: [], heldCeremonyIds: [] };
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const due = await db.ceremony.findMany({
    where: { state: { in: [...ARCHIVED_STATES] }, concludedAt: { lte: cutoff }, artefacts: { some: { purgedAt: null } } },
    select: { id: true, legalHold: true },
    orderBy: { concludedAt: 'asc' },
  });
  const report: PurgeReport = { retentionDays, cutoff, purged: [], heldCeremonyIds: [] };
  for (const candidate of due) {
    if (candidate.legalHold) {
      report.heldCeremonyIds.push(candidate.id);
      continue;
    }
    await transaction(async (tx) => {
      await lockForUpdate(tx, `ceremony:${candidate.id}`);
      const ceremony = await tx.ceremony.findUniqueOrThrow({ where: { id: candidate.id }, select: { legalHold: true, concludedAt: true } });
      if (ceremony.legalHold || !ceremony.concludedAt || ceremony.concludedAt > cutoff) {
        if (ceremony.legalHold) report.heldCeremonyIds.push(candidate.id);
        return;
      }
      const artefacts = await tx.artefact.findMany({
        where: { ceremonyId: candidate.id, purgedAt: null },
        select: { id: true, kind: true, fileName: true, sha256: true, byteLength: true },
        orderBy: { createdAt: 'asc' },
      });
      for (const artefact of artefacts) {
        const { count } = await tx.artefact.updateMany({ where: { id: artefact.id, purgedAt: null }, data: { bytes: new Uint8Array(0), purgedAt: now } });
        if (count === 0) continue;
        await appendAuditEvent(tx, {
          ceremonyId: candidate.id,
          actorUserId: null,
          kind: 'artefact.purged',
          payload: {
            artefactId: artefact.id,
            kind: artefact.kind,
            fileName: artefact.fileName,
            sha256: artefact.sha256,
            byteLength: artefact.byteLength,
            retentionDays,
            concludedAt: ceremony.concludedAt.toISOString(),
          },
        });
        report.purged.push({ artefactId: artefact.id, ceremonyId: candidate.id, kind: artefact.kind, byteLength: artefact.byteLength });
      }
    });
  }
  return report;
}
