import 'server-only';
import { requireArchivedCeremony } from '@/lib/access/archive-access';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

const attendanceEventKinds = ['participant.joined', 'participant.left'] as const;

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const stringOr = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * A concluded ceremony's archive record: every original with every revision (time, who,
 * SHA-256, previous SHA-256), the signatures, the attendance, the generated artefacts, the
 * legal hold and retention, and whether the audit chain is intact or where it breaks.
 */
export async function loadArchiveCeremony({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const { viewer } = await requireArchivedCeremony(db, { ceremonyId, userId });
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      description: true,
      placeName: true,
      state: true,
      signingOrder: true,
      scheduledStart: true,
      concludedAt: true,
      archivedAt: true,
      legalHold: true,
      legalHoldReason: true,
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, country: true, capitalName: true, capitalTimeZone: true } },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          title: true,
          language: true,
          fileName: true,
          authentic: true,
          pageCount: true,
          originalFor: { select: { name: true } },
          revisions: {
            orderBy: { number: 'asc' },
            select: {
              id: true,
              number: true,
              kind: true,
              byteLength: true,
              sha256: true,
              previousSha256: true,
              createdAt: true,
              createdById: true,
              signature: {
                select: {
                  id: true,
                  kind: true,
                  signerName: true,
                  signerTitle: true,
                  delegationName: true,
                  signedAt: true,
                  ipAddress: true,
                  userAgent: true,
                  certificateSha256: true,
                },
              },
            },
          },
        },
      },
      artefacts: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, kind: true, fileName: true, contentType: true, byteLength: true, sha256: true, createdAt: true, purgedAt: true },
      },
    },
  });

  const creatorIds = [
    ...new Set(ceremony.documents.flatMap((document) => document.revisions.map((revision) => revision.createdById)).filter((id): id is string => id !== null)),
  ];
  const creators = new Map(
    (await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } })).map((user) => [
      user.id,
      user.name ?? user.email,
    ]),
  );

  const attendanceRows = await db.auditEvent.findMany({
    where: { chain: ceremonyId, kind: { in: [...attendanceEventKinds] } },
    orderBy: { seq: 'asc' },
    select: { id: true, seq: true, kind: true, payload: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const attendance = attendanceRows.map((event) => {
    const payload = parsePayload(event.payload);
    const occurredAt = stringOr(payload.occurredAt);
    return {
      id: event.id,
      seq: event.seq,
      kind: event.kind as (typeof attendanceEventKinds)[number],
      name: stringOr(payload.name) ?? event.actor?.name ?? event.actor?.email ?? stringOr(payload.identity) ?? null,
      role: stringOr(payload.role),
      at: occurredAt && !Number.isNaN(Date.parse(occurredAt)) ? new Date(occurredAt) : event.createdAt,
    };
  });

  const chain = await checkAuditChain({ ceremonyId });
  const brokenEvent = chain.intact
    ? null
    : await db.auditEvent.findUnique({ where: { id: chain.brokenEventId }, select: { id: true, seq: true, kind: true, createdAt: true } });

  const retentionDays = env.RETENTION_DAYS;
  const purgeDueAt = retentionDays !== undefined && ceremony.concludedAt ? new Date(ceremony.concludedAt.getTime() + retentionDays * 86_400_000) : null;

  const { documents, artefacts, ...rest } = ceremony;
  return {
    viewer: viewer.kind,
    canManageLegalHold: viewer.kind === 'archivist',
    ceremony: rest,
    documents: documents.map(({ revisions, originalFor, ...document }) => ({
      ...document,
      originalFor: originalFor?.name ?? null,
      sealed: revisions.at(-1)?.kind === 'sealed',
      revisions: revisions.map(({ createdById, ...revision }) => ({
        ...revision,
        createdBy: createdById ? (creators.get(createdById) ?? null) : null,
      })),
    })),
    signatures: documents.flatMap((document) =>
      document.revisions
        .filter((revision) => revision.signature !== null)
        .map((revision) => ({ ...revision.signature!, documentId: document.id, documentTitle: document.title, revisionNumber: revision.number })),
    ),
    attendance,
    artefacts,
    auditChain: chain.intact
      ? { intact: true as const, length: chain.length, headHash: chain.headHash }
      : {
          intact: false as const,
          length: chain.length,
          brokenSeq: chain.brokenSeq,
          brokenEventId: chain.brokenEventId,
          brokenKind: brokenEvent?.kind ?? null,
          brokenAt: brokenEvent?.createdAt ?? null,
          reason: chain.reason,
        },
    retention: { days: retentionDays ?? null, purgeDueAt },
  };
}
