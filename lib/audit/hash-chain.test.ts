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
