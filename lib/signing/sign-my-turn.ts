import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { requireApprovedFullPowers } from '@/lib/protocol/full-powers';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';
import { announceRevision, signAgreement, type SignatureCapture } from '@/lib/signing/sign-agreement';
import { consentLanguages } from '@/lib/signing/signing-consent';
import { consentChanged, signingStateError, turnRefused, viewIncomplete, viewOutdated } from '@/lib/signing/signing-errors';

/** Per document due: the revision the signer's viewer displayed and the fields it showed rendered. */
export const viewedDocumentsSchema = z
  .array(
    z.object({
      documentId: z.string().min(1).max(100),
      revision: z.number().int().min(0),
      fields: z.array(z.string().min(1).max(200)).max(200),
    }),
  )
  .max(50);

/** The declaration shown beside Confirm, in the UI language. */
export const confirmedConsentSchema = z.object({
  language: z.enum(consentLanguages),
  text: z.string().max(2000),
});

export type ViewedDocuments = z.infer<typeof viewedDocumentsSchema>;
export type ConfirmedConsent = z.infer<typeof confirmedConsentSchema>;

/**
 * One confirmation by a signatory signs every document it is their turn on now (e.g. their
 * own original in each language, in alternat), one revision per document, in order. The
 * request key is made per document, so a replayed confirmation signs nothing twice.
 * What you see is what you sign: the confirmation names, per document, the revision shown
 * and the fields shown rendered, and the consent text shown; all of it is checked before
 * anything is signed, the revision again under each document's lock.
 */
export async function signMyTurn(input: {
  ceremonyId: string;
  userId: string;
  idempotencyKey: string;
  capture: SignatureCapture;
  /** Missing or partial: view-incomplete, once the turn checks passed. */
  viewed?: ViewedDocuments;
  /** Missing: consent-changed, once the turn checks passed. */
  consent?: ConfirmedConsent;
  ipAddress?: string;
  userAgent?: string;
}) {
  const status = await loadSigningStatus({ ceremonyId: input.ceremonyId, userId: input.userId });
  const due = status.documents.filter((document) => document.myStatus === 'sign-now');
  if (due.length === 0) {
    const alreadySigned = await alreadyDoneForKey(
      input,
      status.documents.map((d) => d.id),
    );
    if (alreadySigned.length > 0) return { signed: alreadySigned };
    const reason = status.notDueReason;
    if (!status.signingOpen || reason === 'not-open') throw signingStateError(status.state);
    throw turnRefused(reason ?? 'no-fields', { overall: true });
  }

  // What signAgreement would refuse first stays the answer, whatever the confirmation names.
  if (!status.signingOpen) throw signingStateError(status.state);
  if (!status.fullPowersApproved) await refuseWithoutFullPowers(input);

  const views = due.map((document) => ({ document, view: input.viewed?.find((viewed) => viewed.documentId === document.id) }));
  // A stale view first: the signer has to look again anyway, whatever else is missing.
  for (const { document, view } of views) {
    const current = document.revision?.number ?? 0;
    if (view && view.revision !== current) throw viewOutdated(document.id, current);
  }
  const checked = views.map(({ document, view }) => {
    if (!view || document.myDueFields.some((fieldName) => !view.fields.includes(fieldName))) throw viewIncomplete(document.id);
    return { document, displayed: { revision: view.revision, fields: [...new Set(view.fields)] } };
  });
  const consent = input.consent;
  if (!consent || consent.text.trim() !== status.consent[consent.language]) throw consentChanged();
  const consentText = status.consent[consent.language];

  const signed = [];
  try {
    for (const { document, displayed } of checked) {
      signed.push({
        documentId: document.id,
        ...(await signAgreement({
          ceremonyId: input.ceremonyId,
          userId: input.userId,
          capture: input.capture,
          ipAddress: input.ipAddress,
          userAgent: input.userAgent,
          documentId: document.id,
          idempotencyKey: perDocumentKey(input.idempotencyKey, document.id),
          expectedRevision: displayed.revision,
          displayed,
          consent: { language: consent.language, text: consentText },
          callerAnnounces: true,
        })),
      });
    }
  } finally {
    // Announced together once the confirmation is done (or stopped part-way: what was signed
    // stays signed and is shown): the viewers refetch once, not while the next is stamped.
    // Sent side by side, so they reach the viewers within one refetch burst (RoomSignals).
    await Promise.all(
      signed.filter((outcome) => !outcome.replayed).map((outcome) => announceRevision(input.ceremonyId, outcome.documentId, outcome.revisionNumber)),
    );
  }
  return { signed };
}

async function refuseWithoutFullPowers({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await db.participant.findUniqueOrThrow({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, ceremonyId: true, delegationId: true },
  });
  await requireApprovedFullPowers(db, me);
}

/** A replay of a confirmation that already went through answers with what it signed. */
async function alreadyDoneForKey(input: { idempotencyKey: string; userId: string }, documentIds: string[]) {
  const keys = documentIds.map((documentId) => perDocumentKey(input.idempotencyKey, documentId));
  const rows = await db.signature.findMany({
    where: { idempotencyKey: { in: keys }, participant: { userId: input.userId } },
    select: { id: true, documentId: true, revision: { select: { number: true, sha256: true } } },
  });
  return rows.map((row) => ({
    documentId: row.documentId,
    signatureId: row.id,
    revisionNumber: row.revision.number,
    sha256: row.revision.sha256,
    replayed: true,
  }));
}

function perDocumentKey(key: string, documentId: string): string {
  return `${key}-${documentId}`.slice(0, 100);
}
