import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { documentLanguage } from '@accord/pdf-signing/document-labels';
import { prepareSigningFields } from '@accord/pdf-signing/prepare-signing-fields';
import { watermarkSpecimen } from '@accord/pdf-signing/watermark-specimen';

/**
 * The technical rehearsal's SPECIMEN copies: for each language version of the agreement a
 * separate document (specimen = true) made from the original with a diagonal "SPECIMEN —
 * not for signature" on every page, with the same signature fields, prepared for signing.
 * The real agreement is only read, never written. Copies made earlier are kept.
 */
export async function prepareSpecimenCopies({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  const { identity } = await loadPlatformIdentity();
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    await requireAccess(tx, { ceremonyId, userId }, 'prepare-specimens');
    const originals = await tx.agreementDocument.findMany({
      where: { ceremonyId, specimen: false },
      orderBy: { createdAt: 'asc' },
      include: { fields: { where: { kind: { not: 'seal' } }, orderBy: { position: 'asc' } } },
    });
    if (originals.length === 0)
      throw new AppError('INVALID_STATE', 'There is no agreement to rehearse with.', undefined, { reason: 'no-agreement-to-rehearse' });
    const existing = new Set(
      (
        await tx.agreementDocument.findMany({
          where: { ceremonyId, specimen: true, specimenOfId: { in: originals.map((d) => d.id) } },
          select: { specimenOfId: true },
        })
      ).map((d) => d.specimenOfId),
    );
    const participants = new Map(
      (await tx.participant.findMany({ where: { ceremonyId }, select: { id: true, displayName: true } })).map((p) => [p.id, p.displayName]),
    );

    const made = [];
    for (const original of originals) {
      if (existing.has(original.id) || original.fields.length === 0) continue;
      const { bytes } = await readRevisionBytes({ documentId: original.id, number: 0, client: tx });
      const specimenBytes = await watermarkSpecimen(bytes);
      const prepared = await prepareSigningFields({
        pdf: specimenBytes,
        developmentNotice: identity.isDevelopment,
        language: documentLanguage(original.language),
        fields: original.fields.map((field) => ({
          name: field.fieldName,
          kind: field.kind as 'signature' | 'initials' | 'witness',
          page: field.page,
          rect: { x: field.x, y: field.y, width: field.width, height: field.height },
          label: field.participantId ? participants.get(field.participantId) : undefined,
        })),
      });
      const originalFile = revisionFileOf(specimenBytes);
      const specimen = await tx.agreementDocument.create({
        data: {
          ceremonyId,
          language: original.language,
          title: `${original.title} (SPECIMEN)`,
          fileName: `specimen-${original.fileName}`,
          authentic: false,
          originalForDelegationId: original.originalForDelegationId,
          specimen: true,
          specimenOfId: original.id,
          originalSha256: originalFile.sha256,
          originalByteSize: specimenBytes.byteLength,
          pageCount: original.pageCount,
          pageSizes: original.pageSizes,
          uploadedById: userId,
          createdAt: now,
        },
      });
      const specimenOriginal = await appendRevision(tx, {
        documentId: specimen.id,
        after: null,
        kind: 'original',
        file: originalFile,
        createdById: userId,
        createdAt: now,
      });
      const preparedRevision = await appendRevision(tx, {
        documentId: specimen.id,
        after: specimenOriginal,
        kind: 'prepared',
        file: revisionFileOf(prepared.pdf, prepared.increment),
        createdById: userId,
        createdAt: now,
      });
      for (const field of original.fields) {
        await tx.signatureField.create({
          data: {
            documentId: specimen.id,
            participantId: field.participantId,
            kind: field.kind,
            fieldName: field.fieldName,
            page: field.page,
            x: field.x,
            y: field.y,
            width: field.width,
            height: field.height,
            position: field.position,
          },
        });
      }
      made.push({ documentId: specimen.id, specimenOf: original.id, sha256: preparedRevision.sha256 });
    }
    if (made.length > 0)
      await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: 'rehearsal.specimens-prepared', payload: { specimens: made }, at: now });
    return { made };
  });
}
