import 'server-only';
import { assertAccess, contextOfParticipant } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { assertTransition } from '@/lib/ceremonies/ceremony-state';
import { lockForUpdate, transaction } from '@/lib/db';
import { inspectStoredOriginals } from '@/lib/documents/inspect-stored-originals';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { AppError } from '@/lib/errors';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { followCeremonyMilestone } from '@/lib/protocol/follow-ceremony-milestone';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { loadSigningContext, SEAL_FIELD_NAME } from '@/lib/signing/load-signing-context';
import { documentLanguage } from '@accord/pdf-signing/document-labels';
import { prepareSigningFields } from '@accord/pdf-signing/prepare-signing-fields';

/**
 * The organiser opens signing (LIVE → SIGNING). "Prepare, then only fill": each
 * agreement gets one prepared revision holding every field of the plan and the closing
 * seal's field, empty. After this, signings only fill their own fields. A running programme
 * moves to its signing step, unless the programme is what opens signing (moveRunOfShow).
 */
export async function openSigning({
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
  const { identity } = await loadPlatformIdentity();
  const inspected = await inspectStoredOriginals({ ceremonyId, userId });
  const outcome = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { me, ceremony } = await loadSigningContext(tx, { ceremonyId, userId });
    assertAccess(contextOfParticipant({ ...me, ceremony }), 'open-signing');
    assertTransition(ceremony.state, 'SIGNING');
    if (ceremony.documents.length === 0) throw new AppError('INVALID_STATE', 'There is no agreement to sign.', undefined, { reason: 'no-agreement' });

    const prepared = [];
    for (const document of ceremony.documents) {
      const { bytes, revision } = await readRevisionBytes({ documentId: document.id, client: tx });
      if (revision.kind !== 'original')
        throw new AppError('INVALID_STATE', `"${document.title}" was already prepared.`, undefined, {
          reason: 'document-already-prepared',
          params: { document: document.title },
        });
      if (inspected.get(document.id) !== revision.sha256)
        throw new AppError('CONFLICT', `"${document.title}" changed while it was being checked. Please try again.`, undefined, {
          reason: 'document-changed-during-check',
          params: { document: document.title },
        });
      const personFields = document.fields.filter((field) => field.kind !== 'seal');
      if (personFields.length === 0)
        throw new AppError('INVALID_STATE', `"${document.title}" has no signature fields.`, undefined, {
          reason: 'no-signature-fields',
          params: { document: document.title },
        });
      const lastPage = Math.max(...personFields.map((field) => field.page), document.pageCount);
      const names = new Map(ceremony.participants.map((p) => [p.id, p.displayName]));
      const result = await prepareSigningFields({
        pdf: bytes,
        developmentNotice: identity.isDevelopment,
        language: documentLanguage(document.language),
        fields: [
          ...personFields.map((field) => ({
            name: field.fieldName,
            kind: field.kind as 'signature' | 'initials' | 'witness',
            page: field.page,
            rect: { x: field.x, y: field.y, width: field.width, height: field.height },
            label: field.participantId ? names.get(field.participantId) : undefined,
          })),
          { name: SEAL_FIELD_NAME, kind: 'seal' as const, page: lastPage, rect: { x: 0, y: 0, width: 0, height: 0 } },
        ],
      });
      const { sha256 } = await appendRevision(tx, {
        documentId: document.id,
        after: revision,
        kind: 'prepared',
        file: revisionFileOf(result.pdf, result.increment),
        createdById: userId,
        createdAt: now,
      });
      await tx.signatureField.create({
        data: { documentId: document.id, kind: 'seal', fieldName: SEAL_FIELD_NAME, page: lastPage, x: 0, y: 0, width: 0, height: 0, position: 1_000_000 },
      });
      prepared.push({ documentId: document.id, sha256, previousSha256: revision.sha256 });
    }
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { state: 'SIGNING', signingOpenedAt: now } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'signing.opened',
      payload: { prepared, developmentCertificate: identity.isDevelopment },
      at: now,
    });
    if (followProgramme) await followCeremonyMilestone(tx, { ceremonyId, userId, milestone: 'signing-opened', now });
    return { prepared };
  });
  await notifyCeremonyRoom(ceremonyId, { kind: 'ceremony', state: 'SIGNING' });
  return outcome;
}
