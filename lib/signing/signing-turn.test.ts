import { describe, expect, it } from 'vitest';
import { allFieldsSigned, checkSigningTurn, ownOriginalsComplete, type TurnInput } from '@/lib/signing/signing-turn';

// Three parties A, B, C with one signatory each (a, b, c); witness wa of A.
const participants = [
  { id: 'a', delegationId: 'A' },
  { id: 'b', delegationId: 'B' },
  { id: 'c', delegationId: 'C' },
  { id: 'wa', delegationId: 'A' },
];

function sharedDocument(order: TurnInput['order'], signed: string[] = []): TurnInput {
  return {
    order,
    documents: [{ id: 'doc', originalForDelegationId: null }],
    fields: ['a', 'b', 'c'].map((id) => ({ documentId: 'doc', participantId: id, kind: 'signature', signed: signed.includes(id) })),
    participants,
    delegationOrder: ['A', 'B', 'C'],
    originalsExchanged: false,
  };
}

describe('parallel', () => {
  it('lets everyone sign at once, each only once', () => {
    const input = sharedDocument('parallel', ['b']);
    expect(checkSigningTurn(input, 'c', 'doc')).toEqual({ allowed: true });
    expect(checkSigningTurn(input, 'a', 'doc')).toEqual({ allowed: true });
    expect(checkSigningTurn(input, 'b', 'doc')).toMatchObject({ allowed: false, reason: 'already-signed' });
  });
});

describe('sequential', () => {
  it('follows the delegation order and names who is awaited', () => {
    expect(checkSigningTurn(sharedDocument('sequential'), 'a', 'doc')).toEqual({ allowed: true });
    expect(checkSigningTurn(sharedDocument('sequential'), 'c', 'doc')).toEqual({ allowed: false, reason: 'not-your-turn', waitingFor: ['a', 'b'] });
    expect(checkSigningTurn(sharedDocument('sequential', ['a']), 'b', 'doc')).toEqual({ allowed: true });
    expect(checkSigningTurn(sharedDocument('sequential', ['a']), 'c', 'doc')).toMatchObject({ allowed: false, waitingFor: ['b'] });
    expect(checkSigningTurn(sharedDocument('sequential', ['a', 'b']), 'c', 'doc')).toEqual({ allowed: true });
  });

  it('refuses someone with no field on the document', () => {
    expect(checkSigningTurn(sharedDocument('sequential'), 'wa', 'doc')).toMatchObject({ allowed: false, reason: 'no-fields' });
  });

  it("makes a witness wait for their own delegation's signatory", () => {
    const input = sharedDocument('parallel');
    input.fields.push({ documentId: 'doc', participantId: 'wa', kind: 'witness', signed: false });
    expect(checkSigningTurn(input, 'wa', 'doc')).toMatchObject({ allowed: false, reason: 'not-your-turn', waitingFor: ['a'] });
    input.fields[0]!.signed = true;
    expect(checkSigningTurn(input, 'wa', 'doc')).toEqual({ allowed: true });
  });
});

describe('alternat', () => {
  // One original per party, each with every party's field.
  function originals(parties: string[], signed: [string, string][] = [], exchanged = false): TurnInput {
    const documents = parties.map((party) => ({ id: `orig-${party}`, originalForDelegationId: party }));
    const fields = documents.flatMap((document) =>
      parties.map((party) => {
        const signer = party.toLowerCase();
        return { documentId: document.id, participantId: signer, kind: 'signature', signed: signed.some(([d, s]) => d === document.id && s === signer) };
      }),
    );
    return { order: 'alternat', documents, fields, participants, delegationOrder: parties, originalsExchanged: exchanged };
  }

  it.each([[['A', 'B']], [['A', 'B', 'C']]])('with %j: own original first, then exchange, then countersignatures', (parties) => {
    const fresh = originals(parties);
    for (const party of parties) {
      const signer = party.toLowerCase();
      expect(checkSigningTurn(fresh, signer, `orig-${party}`)).toEqual({ allowed: true });
      for (const other of parties.filter((p) => p !== party)) {
        expect(checkSigningTurn(fresh, signer, `orig-${other}`)).toMatchObject({ allowed: false, reason: 'awaiting-exchange' });
      }
    }
    expect(ownOriginalsComplete(fresh)).toBe(false);

    const ownSigned = parties.map((party) => [`orig-${party}`, party.toLowerCase()] as [string, string]);
    expect(ownOriginalsComplete(originals(parties, ownSigned))).toBe(true);
    // Before the exchange is recorded, nobody countersigns.
    expect(checkSigningTurn(originals(parties, ownSigned), 'b', 'orig-A')).toMatchObject({ reason: 'awaiting-exchange' });

    const exchanged = originals(parties, ownSigned, true);
    expect(checkSigningTurn(exchanged, 'b', 'orig-A')).toEqual({ allowed: true });
    expect(checkSigningTurn(exchanged, 'a', 'orig-B')).toEqual({ allowed: true });
    if (parties.length === 3) {
      // On A's original, C countersigns after B.
      expect(checkSigningTurn(exchanged, 'c', 'orig-A')).toMatchObject({ allowed: false, reason: 'not-your-turn', waitingFor: ['b'] });
    }
    const all = originals(parties, parties.flatMap((d) => parties.map((s) => [`orig-${d}`, s.toLowerCase()] as [string, string])), true);
    expect(allFieldsSigned(all.fields)).toBe(true);
    expect(allFieldsSigned(exchanged.fields)).toBe(false);
  });
});
