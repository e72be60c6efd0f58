import { describe, expect, it } from 'vitest';
import { decideSigning, decisionFor, turnFor, type SigningOrder, type SigningPlan } from '@/lib/signing/decide-signing';

// Three parties A, B, C with one signatory each (a, b, c); witness wa of A.
const participants = [
  { id: 'a', delegationId: 'A' },
  { id: 'b', delegationId: 'B' },
  { id: 'c', delegationId: 'C' },
  { id: 'wa', delegationId: 'A' },
];
const open = { open: true, originalsExchanged: false };

function sharedDocument(order: SigningOrder, extraFields: SigningPlan['fields'] = []): SigningPlan {
  return {
    order,
    documents: [{ id: 'doc', originalForDelegationId: null }],
    fields: [...['a', 'b', 'c'].map((id) => ({ id, documentId: 'doc', participantId: id, kind: 'signature' })), ...extraFields],
    participants,
    delegationOrder: ['A', 'B', 'C'],
  };
}

const signNow = (fieldIds: string[]) => ({ documentId: 'doc', status: 'sign-now', dueFieldIds: fieldIds });

describe('parallel', () => {
  it('lets everyone sign at once, each only once', () => {
    const decision = decideSigning(sharedDocument('parallel'), open, new Set(['b']));
    expect(turnFor(decision, 'c', 'doc')).toEqual(signNow(['c']));
    expect(turnFor(decision, 'a', 'doc')).toEqual(signNow(['a']));
    expect(turnFor(decision, 'b', 'doc')).toMatchObject({ status: 'already-signed' });
    expect(decisionFor(decision, 'b')).toMatchObject({ maySignNow: false, reason: 'already-signed', due: [] });
    expect(decisionFor(decision, 'a')).toMatchObject({ maySignNow: true, reason: null, due: [{ documentId: 'doc', fieldIds: ['a'] }] });
  });

  it('lets nobody sign before signing opens, but still tells each their turn', () => {
    const decision = decideSigning(sharedDocument('parallel'), { open: false, originalsExchanged: false }, new Set());
    expect(decisionFor(decision, 'a')).toMatchObject({ maySignNow: false, reason: 'not-open', due: [] });
    expect(turnFor(decision, 'a', 'doc')).toEqual(signNow(['a']));
  });
});

describe('sequential', () => {
  it('follows the delegation order and names who is awaited', () => {
    const turn = (signed: string[], who: string) => turnFor(decideSigning(sharedDocument('sequential'), open, new Set(signed)), who, 'doc');
    expect(turn([], 'a')).toEqual(signNow(['a']));
    expect(turn([], 'c')).toEqual({ documentId: 'doc', status: 'not-your-turn', waitingFor: ['a', 'b'] });
    expect(turn(['a'], 'b')).toEqual(signNow(['b']));
    expect(turn(['a'], 'c')).toMatchObject({ status: 'not-your-turn', waitingFor: ['b'] });
    expect(turn(['a', 'b'], 'c')).toEqual(signNow(['c']));
  });

  it('refuses someone with no field on the document', () => {
    const decision = decideSigning(sharedDocument('sequential'), open, new Set());
    expect(turnFor(decision, 'wa', 'doc')).toMatchObject({ status: 'no-fields' });
    expect(decisionFor(decision, 'wa').reason).toBe('no-fields');
    expect(turnFor(decision, 'stranger', 'doc')).toMatchObject({ status: 'no-fields' });
  });

  it("makes a witness wait for their own delegation's signatory", () => {
    const plan = sharedDocument('parallel', [{ id: 'w', documentId: 'doc', participantId: 'wa', kind: 'witness' }]);
    expect(turnFor(decideSigning(plan, open, new Set()), 'wa', 'doc')).toEqual({ documentId: 'doc', status: 'not-your-turn', waitingFor: ['a'] });
    expect(turnFor(decideSigning(plan, open, new Set(['a'])), 'wa', 'doc')).toEqual(signNow(['w']));
  });

  it('names a signatory awaited once, whatever number of fields they still have', () => {
    const plan = sharedDocument('sequential', [{ id: 'a-initials', documentId: 'doc', participantId: 'a', kind: 'initials' }]);
    expect(turnFor(decideSigning(plan, open, new Set()), 'b', 'doc')).toMatchObject({ waitingFor: ['a'] });
  });
});

describe('alternat', () => {
  // One original per party, each with every party's field.
  function originals(parties: string[]): SigningPlan {
    const documents = parties.map((party) => ({ id: `orig-${party}`, originalForDelegationId: party }));
    const fields = documents.flatMap((document) =>
      parties.map((party) => ({ id: `${document.id}/${party.toLowerCase()}`, documentId: document.id, participantId: party.toLowerCase(), kind: 'signature' })),
    );
    return { order: 'alternat', documents, fields, participants, delegationOrder: parties };
  }

  it.each([[['A', 'B']], [['A', 'B', 'C']]])('with %j: own original first, then exchange, then countersignatures', (parties) => {
    const plan = originals(parties);
    const fresh = decideSigning(plan, open, new Set());
    for (const party of parties) {
      const signer = party.toLowerCase();
      expect(turnFor(fresh, signer, `orig-${party}`)).toMatchObject({ status: 'sign-now' });
      for (const other of parties.filter((p) => p !== party)) expect(turnFor(fresh, signer, `orig-${other}`)).toMatchObject({ status: 'awaiting-exchange' });
      expect(decisionFor(fresh, signer).due).toEqual([{ documentId: `orig-${party}`, fieldIds: [`orig-${party}/${signer}`] }]);
    }
    expect(fresh.exchange).toEqual({ needed: true, ready: false, done: false });

    const ownSigned = new Set(parties.map((party) => `orig-${party}/${party.toLowerCase()}`));
    const beforeExchange = decideSigning(plan, open, ownSigned);
    expect(beforeExchange.exchange).toEqual({ needed: true, ready: true, done: false });
    // Before the exchange is recorded, nobody countersigns.
    expect(turnFor(beforeExchange, 'b', 'orig-A')).toMatchObject({ status: 'awaiting-exchange' });
    expect(decisionFor(beforeExchange, 'b')).toMatchObject({ maySignNow: false, reason: 'awaiting-exchange' });

    const exchanged = decideSigning(plan, { open: true, originalsExchanged: true }, ownSigned);
    expect(turnFor(exchanged, 'b', 'orig-A')).toMatchObject({ status: 'sign-now' });
    expect(turnFor(exchanged, 'a', 'orig-B')).toMatchObject({ status: 'sign-now' });
    if (parties.length === 3) {
      // On A's original, C countersigns after B.
      expect(turnFor(exchanged, 'c', 'orig-A')).toMatchObject({ status: 'not-your-turn', waitingFor: ['b'] });
    }
    expect(exchanged.complete).toBe(false);
    const all = decideSigning(plan, { open: true, originalsExchanged: true }, new Set(plan.fields.map((field) => field.id)));
    expect(all.complete).toBe(true);
    for (const signatory of all.signatories) {
      expect(signatory).toMatchObject({
        maySignNow: false,
        reason: plan.fields.some((field) => field.participantId === signatory.participantId) ? 'already-signed' : 'no-fields',
      });
    }
  });

  it('leaves the platform seal out of every turn and of the end of the plan', () => {
    const plan = {
      ...originals(['A', 'B']),
      fields: [...originals(['A', 'B']).fields, { id: 'seal', documentId: 'orig-A', participantId: null, kind: 'seal' }],
    };
    expect(decideSigning(plan, { open: true, originalsExchanged: true }, new Set(originals(['A', 'B']).fields.map((field) => field.id))).complete).toBe(true);
  });
});
