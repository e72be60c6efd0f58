import 'server-only';
import { SIGNING_ROLES } from '@/lib/access/access-sets';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { composeTransmittalJson, composeTransmittalPdfContent, type TransmittalInput } from '@/lib/protocol/compose-transmittal';
import { buildCertificateOfCompletion } from '@accord/pdf-signing/build-certificate-of-completion';

/** The organiser downloads the transmittal of a concluded ceremony (JSON + PDF). */
export async function buildTransmittal({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  await requireAccess(db, { ceremonyId, userId }, 'download-transmittal');
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    include: {
      delegations: { orderBy: { position: 'asc' } },
      participants: {
        where: { role: { in: [...SIGNING_ROLES] }, removedAt: null },
        include: {
          delegation: true,
          fullPowers: { orderBy: { createdAt: 'desc' }, take: 1, select: { fileName: true, sha256: true, status: true, reviewedById: true, reviewedAt: true } },
        },
      },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        include: { revisions: { orderBy: { number: 'asc' }, select: { number: true, kind: true, sha256: true } }, originalFor: true },
      },
      artefacts: { where: { kind: 'evidence-package' }, orderBy: { createdAt: 'desc' }, take: 1, select: { fileName: true, sha256: true } },
    },
  });
  if (!ceremony.concludedAt)
    throw new AppError('INVALID_STATE', 'The transmittal exists once the ceremony is concluded.', undefined, { reason: 'transmittal-needs-conclusion' });
  const reviewerIds = ceremony.participants.flatMap((p) => p.fullPowers.flatMap((f) => (f.reviewedById ? [f.reviewedById] : [])));
  const reviewers = new Map((await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const input: TransmittalInput = {
    ceremony: { ...ceremony, concludedAt: ceremony.concludedAt },
    delegations: ceremony.delegations,
    signatories: ceremony.participants.map((p) => {
      const letter = p.fullPowers[0];
      return {
        name: p.displayName,
        title: p.title,
        delegation: p.delegation?.name ?? '',
        role: p.role as 'signatory' | 'witness',
        fullPowers: letter
          ? {
              fileName: letter.fileName,
              sha256: letter.sha256,
              status: letter.status,
              reviewedBy: letter.reviewedById ? (reviewers.get(letter.reviewedById) ?? null) : null,
              reviewedAt: letter.reviewedAt,
            }
          : null,
      };
    }),
    versions: ceremony.documents.map((d) => ({
      title: d.title,
      language: d.language,
      authentic: d.authentic,
      originalFor: d.originalFor?.name ?? null,
      originalSha256: d.originalSha256,
      finalSha256: d.revisions.at(-1)?.sha256 ?? d.originalSha256,
      revisions: d.revisions,
    })),
    evidencePackage: ceremony.artefacts[0] ? { fileName: ceremony.artefacts[0].fileName, sha256: ceremony.artefacts[0].sha256 } : null,
  };
  const json = composeTransmittalJson(input);
  const pdf = await buildCertificateOfCompletion(composeTransmittalPdfContent(input));
  await transaction((tx) =>
    appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'transmittal.built',
      payload: { evidencePackageSha256: input.evidencePackage?.sha256 ?? null },
    }),
  );
  return { json, pdf };
}
