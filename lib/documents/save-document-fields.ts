import 'server-only';
import { requireAccessForUpdate } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { saveFieldsSchema, type FieldPlacement } from '@/lib/documents/schemas';
import { fieldIssues, parsePageSizes } from '@/lib/documents/validate-field-placement';
import { AppError, notFound } from '@/lib/errors';

/**
 * Replaces the placed fields of one document with the editor's set. Every field is
 * checked against the stored page sizes (server-side, whatever the browser did) and
 * against its holder's role; a document that has been prepared for signing is frozen.
 */
export async function saveDocumentFields({
  ceremonyId,
  userId,
  documentId,
  fields,
}: {
  ceremonyId: string;
  userId: string;
  documentId: string;
  fields: FieldPlacement[];
}) {
  const parsed = saveFieldsSchema.safeParse({ documentId, fields });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'The fields are not well formed.', undefined, { reason: 'fields-malformed' });
  return transaction(async (tx) => {
    await requireAccessForUpdate(tx, { ceremonyId, userId }, 'manage-documents');
    const document = await tx.agreementDocument.findFirst({
      where: { id: documentId, ceremonyId },
      select: { id: true, pageSizes: true, _count: { select: { revisions: true } } },
    });
    if (!document) throw notFound('Document not found', 'document-not-found');
    if (document._count.revisions > 1)
      throw new AppError('INVALID_STATE', 'This document has been prepared for signing; its fields are fixed.', undefined, { reason: 'fields-fixed' });
    const participants = await tx.participant.findMany({ where: { ceremonyId, removedAt: null }, select: { id: true, role: true } });
    const issues = fieldIssues(parsed.data.fields, parsePageSizes(document.pageSizes), participants);
    if (issues.length > 0) {
      const fieldErrors = Object.fromEntries(issues.map((issue) => [`fields.${issue.index}`, issue.problem]));
      throw new AppError('INVALID_INPUT', `${issues.length} field(s) are misplaced.`, fieldErrors, {
        reason: 'fields-misplaced',
        params: { count: issues.length },
      });
    }
    await tx.signatureField.deleteMany({ where: { documentId, signatureId: null } });
    const counters = new Map<string, number>();
    const sorted = [...parsed.data.fields].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
    for (const [position, field] of sorted.entries()) {
      const key = `${field.kind}:${field.participantId}`;
      const number = (counters.get(key) ?? 0) + 1;
      counters.set(key, number);
      await tx.signatureField.create({
        data: {
          documentId,
          participantId: field.participantId,
          kind: field.kind,
          fieldName: `${field.kind}-${field.participantId}-${number}`,
          page: field.page,
          x: round(field.x),
          y: round(field.y),
          width: round(field.width),
          height: round(field.height),
          position,
        },
      });
    }
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'document.fields-placed',
      payload: {
        documentId,
        count: sorted.length,
        fields: sorted.map((field) => ({ ...field, x: round(field.x), y: round(field.y), width: round(field.width), height: round(field.height) })),
      },
    });
    return { count: sorted.length };
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
