import { sha256Hex } from '@/lib/crypto/sha256';

/**
 * Hash chain of audit events. Pure: used by the writer, the archive's chain check and the
 * offline verifier (bin/accord-verify), which must agree byte for byte.
 *
 * hash = SHA-256( canonicalJson({ chain, seq, ceremonyId, actorUserId, kind, payload, createdAt, prevHash }) )
 * where payload is itself the canonical JSON string stored in the row.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** JSON with object keys sorted at every level, no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export interface ChainedEventFields {
  chain: string;
  seq: number;
  ceremonyId: string | null;
  actorUserId: string | null;
  kind: string;
  /** canonical JSON text */
  payload: string;
  createdAt: Date | string;
  prevHash: string;
}

export function computeEventHash(event: ChainedEventFields): string {
  const createdAt = typeof event.createdAt === 'string' ? event.createdAt : event.createdAt.toISOString();
  return sha256Hex(
    canonicalJson({
      chain: event.chain,
      seq: event.seq,
      ceremonyId: event.ceremonyId,
      actorUserId: event.actorUserId,
      kind: event.kind,
      payload: event.payload,
      createdAt,
      prevHash: event.prevHash,
    }),
  );
}

export type ChainVerdict =
  { intact: true; length: number; headHash: string } | { intact: false; length: number; brokenEventId: string; brokenSeq: number; reason: string };

/** Checks one chain's events (any order in; sorted by seq here). Names the first broken link. */
export function verifyChain(events: ReadonlyArray<ChainedEventFields & { id: string; hash: string }>): ChainVerdict {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  let expectedPrev = GENESIS_HASH;
  for (const [index, event] of sorted.entries()) {
    const broken = (reason: string): ChainVerdict => ({
      intact: false,
      length: sorted.length,
      brokenEventId: event.id,
      brokenSeq: event.seq,
      reason,
    });
    if (event.seq !== index + 1) return broken(`event ${event.id} has sequence ${event.seq}, expected ${index + 1} (an event is missing)`);
    if (event.prevHash !== expectedPrev) return broken(`event ${event.id} (#${event.seq}) does not follow the previous event's hash`);
    if (computeEventHash(event) !== event.hash) return broken(`event ${event.id} (#${event.seq}) was altered: its content no longer matches its hash`);
    expectedPrev = event.hash;
  }
  return { intact: true, length: sorted.length, headHash: expectedPrev };
}
