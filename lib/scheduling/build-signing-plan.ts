/**
 * The signing plan: who signs which original, in which order (parallel, sequential or alternat).
 * Pure. Steps run one after another; the signatures inside one step may be made in any
 * order (at the same time).
 *
 *  - parallel:   one step, every signatory.
 *  - sequential: one step per signatory, party by party in the chosen order.
 *  - alternat:   one original per party, naming that party first. Each party first signs
 *                its own original; the originals then pass on (exchange) and each party
 *                countersigns the original it now holds, until every party has signed
 *                every original; a last exchange returns each original to its party.
 */

export const signingOrders = ['parallel', 'sequential', 'alternat'] as const;
export type SigningOrder = (typeof signingOrders)[number];

export function isSigningOrder(value: string): value is SigningOrder {
  return (signingOrders as readonly string[]).includes(value);
}

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
  | { number: number; kind: 'sign'; signatures: PlanSignature[] }
  | { number: number; kind: 'exchange'; transfers: PlanTransfer[]; final: boolean };

/** Parties in signing order: `sequence` first (ids that exist), then any others as given. */
export function orderParties(parties: PlanParty[], sequence: readonly string[] = []): PlanParty[] {
  const byId = new Map(parties.map((party) => [party.delegationId, party]));
  const ordered: PlanParty[] = [];
  for (const id of sequence) {
    const party = byId.get(id);
    if (party && !ordered.includes(party)) ordered.push(party);
  }
  for (const party of parties) if (!ordered.includes(party)) ordered.push(party);
  return ordered;
}

export function buildSigningPlan({ order, parties, sequence = [] }: { order: SigningOrder; parties: PlanParty[]; sequence?: readonly string[] }): PlanStep[] {
  const ordered = orderParties(parties, sequence).filter((party) => party.signatories.length > 0);
  const signaturesOf = (party: PlanParty, originalOf: string | null): PlanSignature[] =>
    party.signatories.map((signatory) => ({ participantId: signatory.participantId, delegationId: party.delegationId, originalOf }));

  type StepDraft = { kind: 'sign'; signatures: PlanSignature[] } | { kind: 'exchange'; transfers: PlanTransfer[]; final: boolean };
  const steps: StepDraft[] = [];
  if (order === 'parallel') {
    const signatures = ordered.flatMap((party) => signaturesOf(party, null));
    if (signatures.length > 0) steps.push({ kind: 'sign', signatures });
  } else if (order === 'sequential') {
    for (const party of ordered) for (const signature of signaturesOf(party, null)) steps.push({ kind: 'sign', signatures: [signature] });
  } else {
    const count = ordered.length;
    if (count > 0) {
      // Round k: the original of party j is held (and countersigned) by party (j + k) mod n.
      const holder = (owner: number, round: number) => ordered[(owner + round) % count]!;
      steps.push({ kind: 'sign', signatures: ordered.flatMap((party) => signaturesOf(party, party.delegationId)) });
      for (let round = 1; round < count; round += 1) {
        steps.push({
          kind: 'exchange',
          final: false,
          transfers: ordered.map((owner, index) => ({
            originalOf: owner.delegationId,
            fromDelegationId: holder(index, round - 1).delegationId,
            toDelegationId: holder(index, round).delegationId,
          })),
        });
        steps.push({ kind: 'sign', signatures: ordered.flatMap((owner, index) => signaturesOf(holder(index, round), owner.delegationId)) });
      }
      if (count > 1) {
        steps.push({
          kind: 'exchange',
          final: true,
          transfers: ordered.map((owner, index) => ({
            originalOf: owner.delegationId,
            fromDelegationId: holder(index, count - 1).delegationId,
            toDelegationId: owner.delegationId,
          })),
        });
      }
    }
  }
  return steps.map((step, index): PlanStep => ({ ...step, number: index + 1 }));
}
