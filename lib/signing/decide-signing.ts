/**
 * Who may sign now, and what: the one place the signing turn is decided. Pure, so the
 * signing use-cases, the status loader, the exchange and the conclusion on the server and
 * the plan preview of the planning screens all ask the same function (and a property test
 * can drive it through random ceremonies).
 *
 * The order modes, per document:
 *  - parallel:   every signatory may sign at once.
 *  - sequential: delegations sign in their order (position); a delegation's signatories
 *                sign together once every earlier delegation's signatories have signed.
 *  - alternat:   each party signs its own original first (the original naming it first);
 *                once every party has signed its own, the organiser records the exchange
 *                of originals, and then each original is countersigned: its own party
 *                first, the others in delegation order.
 * Witness fields follow the signature of their own delegation's signatory on that document.
 * The platform's closing seal is no person's turn: seal fields are left out.
 */

export const signingOrders = ['parallel', 'sequential', 'alternat'] as const;
export type SigningOrder = (typeof signingOrders)[number];

export function isSigningOrder(value: string): value is SigningOrder {
  return (signingOrders as readonly string[]).includes(value);
}

export interface PlanField {
  id: string;
  documentId: string;
  participantId: string | null;
  /** signature, initials, witness (seal fields are ignored) */
  kind: string;
}

/** What is signed, by whom, in which order: fixed once the ceremony goes live. */
export interface SigningPlan {
  order: SigningOrder;
  /** Delegation ids in signing order (the delegations' positions). */
  delegationOrder: readonly string[];
  participants: readonly { id: string; delegationId: string | null }[];
  /** In the order they are listed and signed. */
  documents: readonly { id: string; originalForDelegationId: string | null }[];
  fields: readonly PlanField[];
}

export interface SigningState {
  /** The ceremony is SIGNING. */
  open: boolean;
  /** Alternat: the organiser recorded the exchange of originals. */
  originalsExchanged: boolean;
}

/** The ids of the fields already signed. */
export type SignedFieldIds = ReadonlySet<string>;

export type TurnRefusal = 'no-fields' | 'already-signed' | 'not-your-turn' | 'awaiting-exchange';

/** One signatory's turn on one document, as it stands whether or not signing is open. */
export type DocumentTurn =
  | { documentId: string; status: 'sign-now'; dueFieldIds: string[] }
  | { documentId: string; status: TurnRefusal; /** not-your-turn: the participants signing before */ waitingFor: string[] };

export interface SignatoryDecision {
  participantId: string;
  /** Signing is open and at least one document is due. */
  maySignNow: boolean;
  /** What one confirmation signs now: the documents in plan order, each with its fields. Empty unless maySignNow. */
  due: { documentId: string; fieldIds: string[] }[];
  /** Why nothing is due (null when something is). */
  reason: 'not-open' | TurnRefusal | null;
  /** Every document of the plan, in plan order. */
  documents: DocumentTurn[];
}

export interface SigningDecision {
  open: boolean;
  /** Every person's field is signed: the plan has ended. */
  complete: boolean;
  /** Alternat's exchange: `ready` once every party has signed its own original. */
  exchange: { needed: boolean; ready: boolean; done: boolean };
  /** One per participant of the plan, in the plan's order. */
  signatories: SignatoryDecision[];
}

export function decideSigning(plan: SigningPlan, state: SigningState, signatures: SignedFieldIds): SigningDecision {
  const fields = plan.fields.filter((field) => field.kind !== 'seal');
  const delegationOf = new Map(plan.participants.map((participant) => [participant.id, participant.delegationId]));
  const signatories = plan.participants.map((participant): SignatoryDecision => {
    const documents = plan.documents.map((document) => turnOn(plan, fields, delegationOf, state, signatures, participant, document));
    const due = state.open
      ? documents.flatMap((turn) => (turn.status === 'sign-now' ? [{ documentId: turn.documentId, fieldIds: turn.dueFieldIds }] : []))
      : [];
    return {
      participantId: participant.id,
      maySignNow: due.length > 0,
      due,
      reason: state.open ? (due.length > 0 ? null : overallRefusal(documents)) : 'not-open',
      documents,
    };
  });
  const ownOriginalsSigned = plan.documents
    .filter((document) => document.originalForDelegationId)
    .every((document) =>
      fields
        .filter((field) => field.documentId === document.id && delegationOf.get(field.participantId ?? '') === document.originalForDelegationId)
        .every((field) => signatures.has(field.id)),
    );
  return {
    open: state.open,
    complete: fields.every((field) => signatures.has(field.id)),
    exchange: { needed: plan.order === 'alternat', ready: ownOriginalsSigned, done: state.originalsExchanged },
    signatories,
  };
}

/** A participant the plan does not know has nothing to sign. */
export function decisionFor(decision: SigningDecision, participantId: string): SignatoryDecision {
  return (
    decision.signatories.find((signatory) => signatory.participantId === participantId) ?? {
      participantId,
      maySignNow: false,
      due: [],
      reason: decision.open ? 'no-fields' : 'not-open',
      documents: [],
    }
  );
}

/** One participant's turn on one document (no-fields for a document or participant the plan does not know). */
export function turnFor(decision: SigningDecision, participantId: string, documentId: string): DocumentTurn {
  return decisionFor(decision, participantId).documents.find((turn) => turn.documentId === documentId) ?? { documentId, status: 'no-fields', waitingFor: [] };
}

/** Said of a whole confirmation: nothing left → already signed; otherwise what holds the most back. */
function overallRefusal(documents: DocumentTurn[]): TurnRefusal {
  if (documents.every((turn) => turn.status === 'already-signed' || turn.status === 'no-fields') && documents.some((turn) => turn.status === 'already-signed'))
    return 'already-signed';
  if (documents.some((turn) => turn.status === 'awaiting-exchange')) return 'awaiting-exchange';
  if (documents.some((turn) => turn.status === 'not-your-turn')) return 'not-your-turn';
  return 'no-fields';
}

function turnOn(
  plan: SigningPlan,
  fields: readonly PlanField[],
  delegationOf: ReadonlyMap<string, string | null>,
  state: SigningState,
  signatures: SignedFieldIds,
  participant: { id: string; delegationId: string | null },
  document: { id: string; originalForDelegationId: string | null },
  delegationOrder: readonly string[] = plan.delegationOrder,
  order: SigningOrder = plan.order,
): DocumentTurn {
  const onDocument = fields.filter((field) => field.documentId === document.id);
  const mine = onDocument.filter((field) => field.participantId === participant.id);
  const refused = (status: TurnRefusal, waitingFor: string[] = []): DocumentTurn => ({ documentId: document.id, status, waitingFor: unique(waitingFor) });
  if (mine.length === 0) return refused('no-fields');
  const open = mine.filter((field) => !signatures.has(field.id));
  if (open.length === 0) return refused('already-signed');
  const signNow: DocumentTurn = { documentId: document.id, status: 'sign-now', dueFieldIds: open.map((field) => field.id) };
  const delegation = (field: PlanField) => delegationOf.get(field.participantId ?? '') ?? null;
  const othersUnsigned = (predicate: (field: PlanField) => boolean) =>
    onDocument
      .filter((field) => !signatures.has(field.id) && field.participantId !== participant.id && predicate(field))
      .map((field) => field.participantId ?? '');

  // Witnesses wait for their own delegation's signatory on this document.
  if (mine.every((field) => field.kind === 'witness')) {
    const ownSignatories = othersUnsigned((field) => field.kind !== 'witness' && delegation(field) === participant.delegationId);
    if (ownSignatories.length > 0) return refused('not-your-turn', ownSignatories);
  }

  if (order === 'parallel') return signNow;

  if (order === 'sequential') {
    const myPosition = delegationOrder.indexOf(participant.delegationId ?? '');
    const earlier = othersUnsigned((field) => {
      const position = delegationOrder.indexOf(delegation(field) ?? '');
      return field.kind !== 'witness' && position >= 0 && position < myPosition;
    });
    return earlier.length === 0 ? signNow : refused('not-your-turn', earlier);
  }

  // Alternat: one's own original at once; the others' after the exchange, the original's own
  // party first, then the others in delegation order.
  if (document.originalForDelegationId === participant.delegationId) return signNow;
  if (!state.originalsExchanged) return refused('awaiting-exchange');
  const owner = document.originalForDelegationId;
  const countersignOrder = owner ? [owner, ...plan.delegationOrder.filter((id) => id !== owner)] : plan.delegationOrder;
  return turnOn(plan, fields, delegationOf, state, signatures, participant, document, countersignOrder, 'sequential');
}

/** A ceremony as the database holds it: delegations in position order, documents in plan order. */
export interface CeremonyForSigning {
  state: string;
  signingOrder: string;
  delegations: readonly { id: string }[];
  participants: readonly { id: string; delegationId: string | null }[];
  documents: readonly {
    id: string;
    originalForDelegationId: string | null;
    fields: readonly { id: string; participantId: string | null; kind: string; signatureId: string | null }[];
  }[];
}

/** The three inputs of decideSigning, read off a loaded ceremony. */
function signingInputsOf(ceremony: CeremonyForSigning, originalsExchanged: boolean): { plan: SigningPlan; state: SigningState; signatures: SignedFieldIds } {
  const fields = ceremony.documents.flatMap((document) => document.fields.map((field) => ({ ...field, documentId: document.id })));
  return {
    plan: {
      // The order is validated on every write; an unknown value signs one party after another.
      order: isSigningOrder(ceremony.signingOrder) ? ceremony.signingOrder : 'sequential',
      delegationOrder: ceremony.delegations.map((delegation) => delegation.id),
      participants: ceremony.participants.map(({ id, delegationId }) => ({ id, delegationId })),
      documents: ceremony.documents.map(({ id, originalForDelegationId }) => ({ id, originalForDelegationId })),
      fields: fields.map(({ id, documentId, participantId, kind }) => ({ id, documentId, participantId, kind })),
    },
    state: { open: ceremony.state === 'SIGNING', originalsExchanged },
    signatures: new Set(fields.filter((field) => field.signatureId !== null).map((field) => field.id)),
  };
}

/** decideSigning of a loaded ceremony. */
export function decideSigningOf(ceremony: CeremonyForSigning, originalsExchanged: boolean): SigningDecision {
  const { plan, state, signatures } = signingInputsOf(ceremony, originalsExchanged);
  return decideSigning(plan, state, signatures);
}

// ---------------------------------------------------------------------------------------
// The plan preview: the steps decideSigning lets a ceremony take, for the planning screens.

export interface PlanParty {
  delegationId: string;
  name: string;
  signatories: { participantId: string; name: string }[];
}

export interface PlanSignature {
  participantId: string;
  delegationId: string;
  /** Alternat: the party whose original is signed; null when there is one shared original */
  originalOf: string | null;
}

export interface PlanTransfer {
  originalOf: string;
  fromDelegationId: string;
  toDelegationId: string;
}

export type PlanStep =
  { number: number; kind: 'sign'; signatures: PlanSignature[] } | { number: number; kind: 'exchange'; transfers: PlanTransfer[]; final: boolean };

/**
 * The nominal plan of the planning screens (before fields are placed): in alternat one
 * original per party naming it first, otherwise one shared original; every signatory signs
 * every original. Parties without signatories take no part.
 */
export function nominalSigningPlan(order: SigningOrder, parties: readonly PlanParty[]): SigningPlan {
  const taking = parties.filter((party) => party.signatories.length > 0);
  const documents =
    order === 'alternat'
      ? taking.map((party) => ({ id: party.delegationId, originalForDelegationId: party.delegationId }))
      : [{ id: 'shared', originalForDelegationId: null }];
  const participants = taking.flatMap((party) => party.signatories.map((signatory) => ({ id: signatory.participantId, delegationId: party.delegationId })));
  return {
    order,
    delegationOrder: taking.map((party) => party.delegationId),
    participants,
    documents,
    fields: documents.flatMap((document) =>
      participants.map((participant) => ({
        id: `${document.id}/${participant.id}`,
        documentId: document.id,
        participantId: participant.id,
        kind: 'signature',
      })),
    ),
  };
}

/**
 * Runs the plan through decideSigning: each sign step is everyone it lets sign at that
 * moment, the recorded exchange is made as soon as it is ready, and an original that is to
 * be signed by a party not holding it is handed over first (an exchange step); at the end
 * the originals return to their parties.
 */
export function previewSigningSteps(plan: SigningPlan): PlanStep[] {
  type StepDraft = { kind: 'sign'; signatures: PlanSignature[] } | { kind: 'exchange'; transfers: PlanTransfer[]; final: boolean };
  const steps: StepDraft[] = [];
  const signed = new Set<string>();
  const originalOf = new Map(plan.documents.map((document) => [document.id, document.originalForDelegationId]));
  // Who holds each original: only alternat passes originals between the parties.
  const holder = new Map(
    plan.order === 'alternat'
      ? plan.documents.flatMap((document) => (document.originalForDelegationId ? [[document.id, document.originalForDelegationId] as const] : []))
      : [],
  );
  const delegationOf = new Map(plan.participants.map((participant) => [participant.id, participant.delegationId ?? '']));
  let exchanged = false;
  // Each round signs at least one field or makes the exchange, so this bound is never reached.
  for (let round = 0; round <= plan.fields.length + 1; round += 1) {
    const decision = decideSigning(plan, { open: true, originalsExchanged: exchanged }, signed);
    if (decision.complete) break;
    const signing = decision.signatories.filter((signatory) => signatory.maySignNow);
    if (signing.length === 0) {
      if (!decision.exchange.needed || decision.exchange.done || !decision.exchange.ready) break;
      exchanged = true;
      continue;
    }
    const signatures = plan.documents.flatMap((document) =>
      signing.flatMap((signatory) =>
        signatory.due.some((due) => due.documentId === document.id)
          ? [
              {
                documentId: document.id,
                participantId: signatory.participantId,
                delegationId: delegationOf.get(signatory.participantId) ?? '',
                originalOf: originalOf.get(document.id) ?? null,
              },
            ]
          : [],
      ),
    );
    const transfers = handOvers(holder, signatures);
    if (transfers.length > 0) steps.push({ kind: 'exchange', transfers, final: false });
    // A party's originals in several languages: one line per signatory and original.
    const lines = new Map(
      signatures.map(({ participantId, delegationId, originalOf }) => [`${participantId}|${originalOf ?? ''}`, { participantId, delegationId, originalOf }]),
    );
    steps.push({ kind: 'sign', signatures: [...lines.values()] });
    for (const signatory of signing) for (const due of signatory.due) for (const id of due.fieldIds) signed.add(id);
  }
  const returns = distinctTransfers(
    plan.documents.flatMap((document) => {
      const owner = document.originalForDelegationId;
      const at = holder.get(document.id);
      return owner && at && at !== owner ? [{ originalOf: owner, fromDelegationId: at, toDelegationId: owner }] : [];
    }),
  );
  if (returns.length > 0) steps.push({ kind: 'exchange', transfers: returns, final: true });
  return steps.map((step, index): PlanStep => ({ ...step, number: index + 1 }));
}

/** The originals that must change hands before these signatures (one transfer per original and move); `holder` follows them. */
function handOvers(holder: Map<string, string>, signatures: (PlanSignature & { documentId: string })[]): PlanTransfer[] {
  const transfers: PlanTransfer[] = [];
  for (const [documentId, at] of holder) {
    const signer = signatures.find((signature) => signature.documentId === documentId);
    if (!signer?.originalOf || signer.delegationId === at) continue;
    transfers.push({ originalOf: signer.originalOf, fromDelegationId: at, toDelegationId: signer.delegationId });
    holder.set(documentId, signer.delegationId);
  }
  return distinctTransfers(transfers);
}

/** Several originals of one party (one per language) travel together: said once. */
function distinctTransfers(transfers: PlanTransfer[]): PlanTransfer[] {
  const seen = new Set<string>();
  return transfers.filter((transfer) => {
    const key = `${transfer.originalOf}|${transfer.fromDelegationId}|${transfer.toDelegationId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
