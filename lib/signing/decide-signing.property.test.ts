import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideSigning,
  nominalSigningPlan,
  previewSigningSteps,
  signingOrders,
  type PlanField,
  type PlanParty,
  type SigningOrder,
  type SigningPlan,
} from '@/lib/signing/decide-signing';

/**
 * Properties of decideSigning over random ceremonies in every order mode: random parties
 * (signatories, witnesses, now and then a participant of no delegation), random documents
 * (shared, or an original of one party; several per party as language versions), random
 * fields (signature, initials, witness, the platform's seal), and random signing sequences
 * chosen among the moves the decision allows (one document, or a whole confirmation; the
 * organiser's exchange of originals once it is ready).
 *
 * "In turn" is stated here again, independently, in the words of the rules: a test of the
 * decision against itself would prove nothing.
 */

interface Ceremony {
  plan: SigningPlan;
  /** Field ids of people (the seal is no one's). */
  personFields: PlanField[];
}

const ceremonyArbitrary: fc.Arbitrary<Ceremony> = fc
  .record({
    order: fc.constantFrom(...signingOrders),
    delegations: fc.array(fc.record({ signatories: fc.integer({ min: 0, max: 3 }), witness: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    loner: fc.boolean(),
    /** Per document: whose original it is (an index into the delegations), or null for a shared one. */
    documents: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 4 }),
    /** Per document and participant: how many signature-like fields (0 none); witnesses get one witness field when > 0. */
    fieldCounts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 80, maxLength: 80 }),
    sealed: fc.boolean(),
    delegationOrder: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ order, delegations, loner, documents, fieldCounts, sealed, delegationOrder }) => {
    const delegationIds = delegations.map((_, index) => `D${index}`);
    // A random permutation of the delegations: the order is not their creation order.
    const ordered = [...delegationIds].sort((a, b) => (delegationOrder[delegationIds.indexOf(a)] ?? 0) - (delegationOrder[delegationIds.indexOf(b)] ?? 0));
    const participants = [
      ...delegations.flatMap((delegation, index) => [
        ...Array.from({ length: delegation.signatories }, (_, signatory) => ({ id: `D${index}s${signatory}`, delegationId: `D${index}`, witness: false })),
        ...(delegation.witness ? [{ id: `D${index}w`, delegationId: `D${index}`, witness: true }] : []),
      ]),
      ...(loner ? [{ id: 'loner', delegationId: null, witness: false }] : []),
    ];
    const planDocuments = documents.map((owner, index) => ({
      id: `doc${index}`,
      originalForDelegationId: owner === null ? null : `D${owner % delegations.length}`,
    }));
    let next = 0;
    const personFields: PlanField[] = planDocuments.flatMap((document) =>
      participants.flatMap((participant) => {
        const count = fieldCounts[next++ % fieldCounts.length] ?? 0;
        if (count === 0) return [];
        const kinds = participant.witness ? ['witness'] : ['signature', 'initials'].slice(0, count);
        return kinds.map((kind) => ({ id: `${document.id}/${participant.id}/${kind}`, documentId: document.id, participantId: participant.id, kind }));
      }),
    );
    const seals: PlanField[] = sealed
      ? planDocuments.map((document) => ({ id: `${document.id}/seal`, documentId: document.id, participantId: null, kind: 'seal' }))
      : [];
    return {
      plan: {
        order,
        delegationOrder: ordered,
        participants: participants.map(({ id, delegationId }) => ({ id, delegationId })),
        documents: planDocuments,
        fields: [...personFields, ...seals],
      },
      personFields,
    };
  });

/** The rules, restated: may `participantId` sign `documentId` now? */
function inTurn(c: Ceremony, signed: ReadonlySet<string>, exchanged: boolean, participantId: string, documentId: string): boolean {
  const { plan } = c;
  const delegationOf = (id: string | null) => plan.participants.find((participant) => participant.id === id)?.delegationId ?? null;
  const mine = delegationOf(participantId);
  const onDocument = c.personFields.filter((field) => field.documentId === documentId);
  const myFields = onDocument.filter((field) => field.participantId === participantId);
  if (!myFields.some((field) => !signed.has(field.id))) return false;
  const allSigned = (fields: PlanField[]) => fields.every((field) => signed.has(field.id));
  const othersSignatures = onDocument.filter((field) => field.participantId !== participantId && field.kind !== 'witness');
  if (myFields.every((field) => field.kind === 'witness') && !allSigned(othersSignatures.filter((field) => delegationOf(field.participantId) === mine)))
    return false;
  const signedBefore = (order: readonly string[]) => {
    const position = order.indexOf(mine ?? '');
    return allSigned(
      othersSignatures.filter((field) => {
        const theirs = order.indexOf(delegationOf(field.participantId) ?? '');
        return theirs >= 0 && theirs < position;
      }),
    );
  };
  if (plan.order === 'parallel') return true;
  if (plan.order === 'sequential') return signedBefore(plan.delegationOrder);
  const owner = plan.documents.find((document) => document.id === documentId)?.originalForDelegationId ?? null;
  if (owner === mine) return true;
  if (!exchanged) return false;
  return signedBefore(owner ? [owner, ...plan.delegationOrder.filter((id) => id !== owner)] : plan.delegationOrder);
}

type Move = { kind: 'sign'; participantId: string; documentIds: string[] } | { kind: 'exchange' };

describe('decideSigning, properties over random ceremonies in every order mode', () => {
  it('nobody signs out of turn, a signed field is never due again, everyone gets to sign, and the plan ends exactly when every field is signed', () => {
    fc.assert(
      fc.property(ceremonyArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), ({ plan, personFields }, choices) => {
        const c = { plan, personFields };
        const signed = new Set<string>();
        let exchanged = false;
        // Each move signs at least one field or records the exchange (once).
        const maxMoves = personFields.length + 1;
        for (let move = 0; ; move += 1) {
          expect(move, 'the plan ends within one move per field and the exchange').toBeLessThanOrEqual(maxMoves);
          const decision = decideSigning(plan, { open: true, originalsExchanged: exchanged }, signed);
          const everyFieldSigned = personFields.every((field) => signed.has(field.id));
          expect(decision.complete).toBe(everyFieldSigned);

          // Before signing opens (or after it closes) nobody may sign, whatever was signed.
          const closed = decideSigning(plan, { open: false, originalsExchanged: exchanged }, signed);
          for (const signatory of closed.signatories) expect(signatory).toMatchObject({ maySignNow: false, due: [], reason: 'not-open' });

          for (const signatory of decision.signatories) {
            expect(signatory.maySignNow).toBe(signatory.due.length > 0);
            expect(signatory.reason === null).toBe(signatory.maySignNow);
            for (const due of signatory.due) {
              expect(due.fieldIds.length).toBeGreaterThan(0);
              for (const id of due.fieldIds) {
                const field = personFields.find((candidate) => candidate.id === id);
                expect(field, 'a due field is a person field of this signatory on this document').toMatchObject({
                  participantId: signatory.participantId,
                  documentId: due.documentId,
                });
                expect(signed.has(id), 'a signed field is never due again').toBe(false);
              }
              // Every unsigned field of mine on a due document is due: one signing fills them all.
              const open = personFields.filter(
                (field) => field.documentId === due.documentId && field.participantId === signatory.participantId && !signed.has(field.id),
              );
              expect(new Set(due.fieldIds)).toEqual(new Set(open.map((field) => field.id)));
            }
            // Nobody may sign out of turn, and whoever is in turn may sign.
            for (const document of plan.documents) {
              expect(
                signatory.due.some((due) => due.documentId === document.id),
                `${signatory.participantId} on ${document.id}`,
              ).toBe(inTurn(c, signed, exchanged, signatory.participantId, document.id));
            }
          }

          const moves: Move[] = decision.signatories.flatMap((signatory): Move[] => [
            ...signatory.due.map((due): Move => ({ kind: 'sign', participantId: signatory.participantId, documentIds: [due.documentId] })),
            ...(signatory.due.length > 1
              ? [{ kind: 'sign' as const, participantId: signatory.participantId, documentIds: signatory.due.map((due) => due.documentId) }]
              : []),
          ]);
          expect(decision.exchange.ready, 'the exchange is ready once every party signed its own originals').toBe(
            plan.documents
              .filter((d) => d.originalForDelegationId)
              .every((d) =>
                personFields
                  .filter((f) => f.documentId === d.id && plan.participants.find((p) => p.id === f.participantId)?.delegationId === d.originalForDelegationId)
                  .every((f) => signed.has(f.id)),
              ),
          );
          if (decision.exchange.needed && !decision.exchange.done && decision.exchange.ready) moves.push({ kind: 'exchange' });

          if (decision.complete) {
            expect(
              decision.signatories.filter((signatory) => signatory.maySignNow),
              'nothing is due once the plan ended',
            ).toEqual([]);
            break;
          }
          // Everyone can eventually sign: while a field is open, someone may sign or the exchange is ready.
          expect(moves.length, 'the signing never gets stuck').toBeGreaterThan(0);
          const chosen = moves[(choices[move % choices.length] ?? 0) % moves.length]!;
          if (chosen.kind === 'exchange') {
            exchanged = true;
            continue;
          }
          const mine = decision.signatories.find((signatory) => signatory.participantId === chosen.participantId)!;
          for (const due of mine.due) if (chosen.documentIds.includes(due.documentId)) for (const id of due.fieldIds) signed.add(id);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('the plan preview: every signatory signs every original exactly once, their own first in alternat, numbered steps', () => {
    const partiesArbitrary = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }).map((counts) =>
      counts.map((count, index): PlanParty => ({
        delegationId: `D${index}`,
        name: `Party ${index}`,
        signatories: Array.from({ length: count }, (_, signatory) => ({ participantId: `D${index}s${signatory}`, name: `S${signatory}` })),
      })),
    );
    fc.assert(
      fc.property(fc.constantFrom<SigningOrder>(...signingOrders), partiesArbitrary, (order, parties) => {
        const steps = previewSigningSteps(nominalSigningPlan(order, parties));
        expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
        const signatures = steps.flatMap((step) => (step.kind === 'sign' ? step.signatures : []));
        const taking = parties.filter((party) => party.signatories.length > 0);
        const originals = order === 'alternat' ? taking.map((party) => party.delegationId) : [null];
        for (const party of taking) {
          for (const signatory of party.signatories) {
            const mine = signatures.filter((signature) => signature.participantId === signatory.participantId);
            expect(mine.map((signature) => signature.originalOf ?? '').sort()).toEqual(originals.map((original) => original ?? '').sort());
            if (order === 'alternat') expect(mine[0]?.originalOf).toBe(party.delegationId);
          }
        }
        // In alternat the originals end where they began.
        if (order === 'alternat' && taking.length > 1) expect(steps.at(-1)).toMatchObject({ kind: 'exchange', final: true });
        if (order !== 'alternat') expect(steps.every((step) => step.kind === 'sign')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
