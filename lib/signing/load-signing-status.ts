import 'server-only';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { SEAL_FIELD_NAME } from '@/lib/signing/load-signing-context';
import { resolveSigningConsent } from '@/lib/signing/signing-consent';
import { allFieldsSigned, checkSigningTurn, ownOriginalsComplete, type SigningOrder, type TurnInput } from '@/lib/signing/signing-turn';

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
  if (!me || me.removedAt) throw notFound('Ceremony not found');
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
          fields: { select: { participantId: true, kind: true, signatureId: true, fieldName: true } },
          revisions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, sha256: true, kind: true } },
          signatures: { orderBy: { signedAt: 'asc' }, select: { id: true, signerName: true, delegationName: true, signedAt: true, kind: true } },
        },
      },
    },
  });
  if (ceremony.state === 'CANCELLED') throw new AppError('INVALID_STATE', 'The ceremony was cancelled.');
  const exchanged = (await db.auditEvent.count({ where: { ceremonyId, kind: 'signing.originals-exchanged' } })) > 0;
  const input: TurnInput = {
    order: ceremony.signingOrder as SigningOrder,
    documents: ceremony.documents.map((d) => ({ id: d.id, originalForDelegationId: d.originalForDelegationId })),
    fields: ceremony.documents.flatMap((d) => d.fields.filter((f) => f.fieldName !== SEAL_FIELD_NAME).map((f) => ({ documentId: d.id, participantId: f.participantId, kind: f.kind, signed: f.signatureId !== null }))),
    participants: ceremony.participants.map((p) => ({ id: p.id, delegationId: p.delegationId })),
    delegationOrder: ceremony.delegations.map((d) => d.id),
    originalsExchanged: exchanged,
  };
  const names = new Map(ceremony.participants.map((p) => [p.id, p.displayName]));
  const documents = ceremony.documents.map((document) => {
    const verdict = checkSigningTurn(input, me.id, document.id);
    const myStatus: MyDocumentStatus = verdict.allowed ? 'sign-now' : verdict.reason === 'already-signed' ? 'signed' : verdict.reason;
    return {
      id: document.id,
      title: document.title,
      language: isLocale(document.language) ? document.language : 'en',
      revision: document.revisions[0] ?? null,
      signatures: document.signatures,
      myStatus,
      waitingFor: !verdict.allowed && verdict.waitingFor ? verdict.waitingFor.map((id) => names.get(id) ?? '') : [],
    };
  });
  const isSigner = me.role === 'signatory' || me.role === 'witness';
  return {
    state: ceremony.state,
    signingOrder: ceremony.signingOrder,
    myRole: me.role,
    fullPowersApproved: me.role !== 'signatory' || me.fullPowers[0]?.status === 'approved',
    signingOpen: ceremony.state === 'SIGNING',
    canSignNow: isSigner && ceremony.state === 'SIGNING' && documents.some((d) => d.myStatus === 'sign-now'),
    exchange: { needed: ceremony.signingOrder === 'alternat', done: exchanged, ready: ownOriginalsComplete(input) },
    allSigned: allFieldsSigned(input.fields),
    documents,
    /** The declaration beside Confirm per UI language; a confirmation must send back the one it showed. */
    consent: resolveSigningConsent(ceremony.signingConsent),
  };
}

export type SigningStatus = Awaited<ReturnType<typeof loadSigningStatus>>;
