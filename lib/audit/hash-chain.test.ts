import { describe, expect, it } from 'vitest';
import { canonicalJson, computeEventHash, GENESIS_HASH, verifyChain, type ChainedEventFields } from '@/lib/audit/hash-chain';

function buildChain(count: number) {
  const events: (ChainedEventFields & { id: string; hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields: ChainedEventFields = {
      chain: 'c1',
      seq,
      ceremonyId: 'c1',
      actorUserId: `u${seq}`,
      kind: 'test.event',
      payload: canonicalJson({ n: seq, note: 'Große Übereinkunft — 협정' }),
      createdAt: new Date(Date.UTC(2026, 10, 24, 9, 0, seq)),
      prevHash,
    };
    const hash = computeEventHash(fields);
    events.push({ ...fields, id: `e${seq}`, hash });
    prevHash = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('computeEventHash', () => {
  // Pinned: stored chains and the offline verifier depend on these exact bytes being hashed.
  it('keeps the hashes of existing chains', () => {
    const first = {
      chain: 'c1',
      seq: 1,
      ceremonyId: 'c1',
      actorUserId: 'u1',
      kind: 'test.event',
      payload: canonicalJson({ n: 1, note: 'Große Übereinkunft — 협정' }),
      createdAt: new Date(Date.UTC(2026, 10, 24, 9, 0, 1)),
      prevHash: GENESIS_HASH,
    };
    expect(computeEventHash(first)).toBe('5472c3fbaa927d6b1146d2f589d8c2daa4ff9bb4b54d36333fb456c7feb2c5f6');
    const second = {
      chain: 'c1',
      seq: 2,
      ceremonyId: 'c1',
      actorUserId: null,
      kind: 'test.event',
      payload: '{}',
      createdAt: '2026-11-24T09:00:02.000Z',
      prevHash: 'a'.repeat(64),
    };
    expect(computeEventHash(second)).toBe('2470a7aa19f91a591a632c29b38bbd634c6d6b8f16a9a28cfaa8ef1bb2b266eb');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain and reports its head', () => {
    const events = buildChain(5);
    expect(verifyChain(events)).toEqual({ intact: true, length: 5, headHash: events[4]!.hash });
  });

  it.each(['payload', 'kind', 'actorUserId', 'createdAt'] as const)('names the event whose %s was edited', (field) => {
    const events = buildChain(5);
    const edited = { ...events[2]! };
    if (field === 'createdAt') edited.createdAt = new Date(Date.UTC(2027, 0, 1));
    else edited[field] = field === 'payload' ? canonicalJson({ n: 999 }) : 'tampered';
    events[2] = edited;
    const verdict = verifyChain(events);
    expect(verdict).toMatchObject({ intact: false, brokenEventId: 'e3', brokenSeq: 3 });
  });

  it('detects a rewritten hash through the next link', () => {
    const events = buildChain(4);
    const forged = { ...events[1]!, payload: canonicalJson({ n: 0 }) };
    forged.hash = computeEventHash(forged);
    events[1] = forged;
    expect(verifyChain(events)).toMatchObject({ intact: false, brokenEventId: 'e3' });
  });

  it('detects a deleted event', () => {
    const events = buildChain(4);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ intact: false, brokenEventId: 'e3', reason: expect.stringContaining('missing') });
  });
});
