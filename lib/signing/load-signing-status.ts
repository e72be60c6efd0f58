import 'server-only';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { decideSigningOf, decisionFor } from '@/lib/signing/decide-signing';
import { resolveSigningConsent } from '@/lib/signing/signing-consent';

export type MyDocumentStatus = 'sign-now' | 'signed' | 'not-your-turn' | 'awaiting-exchange' | 'no-fields';

/**
 * What the signing panel shows one participant: the ceremony's signing state, each
 * document's latest revision and signatures, and for a signatory what they may sign now
 * and why not. Everyone in the room (press included) sees who has signed.
 */
export async function loadSigningStatus({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const me = await db.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: { id: true, role: true, removedAt: true, delegationId: true, fullPowers: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true } } },
  });
  if (!me || me.removedAt) throw notFound('Ceremony not found', 'ceremony-not-found');
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      state: true,
      signingOrder: true,
      signingConsent: true,
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true } },
      participants: { select: { id: true, delegationId: true, displayName: true } },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          title: true,
          language: true,
          originalForDelegationId: true,
          fields: { select: { id: true, participantId: true, kind: true, signatureId: true, fieldName: true } },
          revisions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, sha256: true, kind: true } },
          signatures: { orderBy: { signedAt: 'asc' }, select: { id: true, signerName: true, delegationName: true, signedAt: true, kind: true } },
        },
      },
    },
  });
  if (ceremony.state === 'CANCELLED') throw new AppError('INVALID_STATE', 'The ceremony was cancelled.', undefined, { reason: 'ceremony-cancelled' });
  const exchanged = (await db.auditEvent.count({ where: { ceremonyId, kind: 'signing.originals-exchanged' } })) > 0;
  const decision = decideSigningOf(ceremony, exchanged);
  const mine = decisionFor(decision, me.id);
  const names = new Map(ceremony.participants.map((p) => [p.id, p.displayName]));
  const documents = ceremony.documents.map((document) => {
    const turn = mine.documents.find((candidate) => candidate.documentId === document.id);
    const myStatus: MyDocumentStatus = !turn ? 'no-fields' : turn.status === 'already-signed' ? 'signed' : turn.status;
    return {
      id: document.id,
      title: document.title,
      language: isLocale(document.language) ? document.language : 'en',
      revision: document.revisions[0] ?? null,
      signatures: document.signatures,
      myStatus,
      /** The names of my fields due now (while it is my turn on this document). */
      myDueFields: turn?.status === 'sign-now' ? document.fields.filter((field) => turn.dueFieldIds.includes(field.id)).map((field) => field.fieldName) : [],
      waitingFor: turn && turn.status !== 'sign-now' ? turn.waitingFor.map((id) => names.get(id) ?? '') : [],
    };
  });
  const isSigner = me.role === 'signatory' || me.role === 'witness';
  return {
    state: ceremony.state,
    signingOrder: ceremony.signingOrder,
    myRole: me.role,
    fullPowersApproved: me.role !== 'signatory' || me.fullPowers[0]?.status === 'approved',
    signingOpen: ceremony.state === 'SIGNING',
    canSignNow: isSigner && mine.maySignNow,
    /** Why nothing is mine to sign now: not-open, or the turn's reason said of every document. */
    notDueReason: mine.reason,
    exchange: decision.exchange,
    allSigned: decision.complete,
    documents,
    /** The declaration beside Confirm per UI language; a confirmation must send back the one it showed. */
    consent: resolveSigningConsent(ceremony.signingConsent),
  };
}

export type SigningStatus = Awaited<ReturnType<typeof loadSigningStatus>>;
