/**
 * Whose turn it is (pure; the signing use-case enforces it on the server).
 *
 *  - parallel: every signatory may sign every document at once.
 *  - sequential: on each document, delegations sign in their order (position).
 *  - alternat: each party signs its own original first (the original naming it first);
 *    once every party has signed its own, the originals are exchanged (recorded), and
 *    then each party countersigns the others' originals.
 * Witness fields follow the signature of their delegation's signatory on that document.
 */

export type SigningOrder = 'parallel' | 'sequential' | 'alternat';

export interface TurnField {
  documentId: string;
  participantId: string | null;
  kind: string;
  signed: boolean;
}

export interface TurnDocument {
  id: string;
  /** Alternat: the party whose original this is. */
  originalForDelegationId: string | null;
}

export interface TurnParticipant {
  id: string;
  delegationId: string | null;
}

export interface TurnInput {
  order: SigningOrder;
  documents: TurnDocument[];
  fields: TurnField[];
  participants: TurnParticipant[];
  /** Delegation ids in signing order */
  delegationOrder: string[];
  originalsExchanged: boolean;
}

export type TurnVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'no-fields' | 'already-signed' | 'not-your-turn' | 'awaiting-exchange'; waitingFor?: string[] };

export function checkSigningTurn(input: TurnInput, participantId: string, documentId: string): TurnVerdict {
  const participant = input.participants.find((p) => p.id === participantId);
  const document = input.documents.find((d) => d.id === documentId);
  const mine = input.fields.filter((f) => f.documentId === documentId && f.participantId === participantId && f.kind !== 'seal');
  if (!participant || !document || mine.length === 0) return { allowed: false, reason: 'no-fields' };
  if (mine.every((f) => f.signed)) return { allowed: false, reason: 'already-signed' };

  const delegationOf = (id: string | null) => input.participants.find((p) => p.id === id)?.delegationId ?? null;
  const unsignedBefore = (predicate: (field: TurnField) => boolean) =>
    input.fields.filter((f) => f.documentId === documentId && f.kind !== 'seal' && !f.signed && f.participantId !== participantId && predicate(f));

  // Witnesses wait for their own delegation's signatory on this document.
  if (mine.every((f) => f.kind === 'witness')) {
    const ownSignatories = unsignedBefore((f) => f.kind !== 'witness' && delegationOf(f.participantId) === participant.delegationId);
    if (ownSignatories.length > 0) return { allowed: false, reason: 'not-your-turn', waitingFor: ownSignatories.map((f) => f.participantId ?? '') };
  }

  if (input.order === 'parallel') return { allowed: true };

  if (input.order === 'sequential') {
    const myPosition = input.delegationOrder.indexOf(participant.delegationId ?? '');
    const earlier = unsignedBefore((f) => {
      const position = input.delegationOrder.indexOf(delegationOf(f.participantId) ?? '');
      return f.kind !== 'witness' && position >= 0 && position < myPosition;
    });
    return earlier.length === 0 ? { allowed: true } : { allowed: false, reason: 'not-your-turn', waitingFor: unique(earlier.map((f) => f.participantId ?? '')) };
  }

  // Alternat
  const ownOriginal = document.originalForDelegationId === participant.delegationId;
  if (ownOriginal) return { allowed: true };
  if (!input.originalsExchanged) {
    return { allowed: false, reason: 'awaiting-exchange' };
  }
  // After the exchange, the original's own party has signed; countersignatures in delegation order.
  return checkSigningTurn({ ...input, order: 'sequential', delegationOrder: countersignOrder(input, document) }, participantId, documentId);
}

/** The original's own party first, then the others in delegation order. */
function countersignOrder(input: TurnInput, document: TurnDocument): string[] {
  const owner = document.originalForDelegationId;
  return owner ? [owner, ...input.delegationOrder.filter((id) => id !== owner)] : input.delegationOrder;
}

/** Alternat: may the originals be exchanged? Every party has signed its own original. */
export function ownOriginalsComplete(input: TurnInput): boolean {
  return input.documents
    .filter((d) => d.originalForDelegationId)
    .every((d) =>
      input.fields
        .filter((f) => f.documentId === d.id && f.kind !== 'seal')
        .filter((f) => input.participants.find((p) => p.id === f.participantId)?.delegationId === d.originalForDelegationId)
        .every((f) => f.signed),
    );
}

/** Every field of the plan is signed (the closing seal is the platform's, not a person's). */
export function allFieldsSigned(fields: TurnField[]): boolean {
  return fields.filter((f) => f.kind !== 'seal').every((f) => f.signed);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
