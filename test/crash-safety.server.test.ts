import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { openSigning } from '@/lib/signing/open-signing';
import { ensureBuilt, sessionCookieFor, startableAppServer, type AppServer } from '@/test/app-server';
import { createSigningCeremony } from '@/test/factories';
import { shownConfirmation } from '@/test/signing-confirmation';
import { sha256Hex } from '@/lib/crypto/sha256';

/**
 * The server killed (SIGKILL) at random moments of real sign requests: after each restart
 * no half-written revision, every revision's SHA-256 matches its bytes and chains to the
 * previous one, the audit chain is intact, and the same request key signs exactly once.
 * The kill time is drawn per round from a seeded generator (CRASH_SEED repeats a run).
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? randomInt(2 ** 31));
const PARTIES = 5;
const server: AppServer = startableAppServer({ port: Number(process.env.CRASH_APP_PORT ?? 3410) });

/** mulberry32: small, seedable, good enough to spread kill times. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Signer {
  ceremonyId: string;
  documentId: string;
  userId: string;
  name: string;
  cookie: string;
}

const signers: Signer[] = [];
async function signRequest(signer: Signer, idempotencyKey: string) {
  const shown = await shownConfirmation({ ceremonyId: signer.ceremonyId, userId: signer.userId });
  const body = JSON.stringify({ idempotencyKey, capture: { typed: signer.name }, ...shown });
  return () =>
    fetch(`${server.baseUrl}/api/ceremonies/${signer.ceremonyId}/sign`, {
      method: 'POST',
      headers: { cookie: signer.cookie, origin: server.baseUrl, 'content-type': 'application/json' },
      body,
    });
}

/** What must hold for a ceremony whatever moment the server died at. */
async function expectConsistent(ceremonyId: string) {
  const documents = await db.agreementDocument.findMany({ where: { ceremonyId, specimen: false }, select: { id: true } });
  for (const { id: documentId } of documents) {
    const revisions = await db.documentRevision.findMany({
      where: { documentId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, kind: true, sha256: true, previousSha256: true, byteLength: true },
    });
    expect(revisions.map((revision) => revision.number)).toEqual(revisions.map((_, index) => index));
    let previous: Uint8Array | undefined;
    for (const revision of revisions) {
      const { bytes } = await readRevisionBytes({ documentId, number: revision.number });
      expect(bytes.length).toBe(revision.byteLength);
      expect(sha256Hex(bytes), `revision ${revision.number} of ${documentId}`).toBe(revision.sha256);
      if (previous) {
        expect(revision.previousSha256).toBe(sha256Hex(previous));
        expect(Buffer.from(bytes.subarray(0, previous.length)).equals(Buffer.from(previous))).toBe(true);
      }
      previous = bytes;
    }
    const signed = revisions.filter((revision) => revision.kind === 'signed');
    const signatures = await db.signature.findMany({ where: { documentId }, select: { id: true, revisionId: true } });
    // A signed revision always comes with its signature, its filled fields and its audit event.
    expect(signatures.map((signature) => signature.revisionId).sort()).toEqual(signed.map((revision) => revision.id).sort());
    for (const signature of signatures) expect(await db.signatureField.count({ where: { signatureId: signature.id } })).toBeGreaterThan(0);
    const events = await db.auditEvent.findMany({ where: { ceremonyId, kind: 'document.signed' }, select: { payload: true } });
    const eventRevisions = events
      .map((event) => JSON.parse(event.payload) as { documentId: string; revision: number; sha256: string })
      .filter((payload) => payload.documentId === documentId);
    expect(eventRevisions.map((payload) => `${payload.revision}:${payload.sha256}`).sort()).toEqual(
      signed.map((revision) => `${revision.number}:${revision.sha256}`).sort(),
    );
  }
  const chain = await checkAuditChain({ ceremonyId });
  expect(chain, JSON.stringify(chain)).toMatchObject({ intact: true });
}

async function revisionCount(documentId: string) {
  return db.documentRevision.count({ where: { documentId } });
}

beforeAll(async () => {
  ensureBuilt();
  const ceremonies = Math.ceil((KILLS + 2) / PARTIES);
  for (let index = 0; index < ceremonies; index++) {
    const c = await createSigningCeremony({ order: 'parallel', parties: PARTIES });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    for (const party of c.parties) {
      signers.push({
        ceremonyId: c.ceremonyId,
        documentId: c.documentIds[0]!,
        userId: party.userId,
        name: party.signer,
        cookie: await sessionCookieFor(party.userId),
      });
    }
  }
}, 600_000);

afterAll(async () => {
  await server.stop();
});

describe('crash safety through the real server (SIGKILL during signing)', () => {
  it(`survives ${KILLS} kills at random moments of a sign request`, async () => {
    console.log(`crash test: seed ${SEED} (CRASH_SEED=${SEED} repeats this run), ${KILLS} kills`);
    const random = seededRandom(SEED);
    const pool = [...signers];

    await server.start();
    // Each round's request reaches a server that has just served the previous round's retries.
    let window = 0;
    for (let calibration = 0; calibration < 2; calibration++) {
      const signer = pool.shift()!;
      const send = await signRequest(signer, `crash-${SEED}-calibration-${calibration}`);
      const startedAt = performance.now();
      const response = await send();
      expect(response.status, await response.clone().text()).toBe(201);
      window = performance.now() - startedAt;
    }
    window *= 1.5;
    console.log(`crash test: kill times drawn from 0–${Math.round(window)} ms after the request is sent`);

    const outcomes = { answeredBeforeKill: 0, killedAndStored: 0, killedNothingStored: 0 };
    for (let round = 0; round < KILLS; round++) {
      const signer = pool.shift()!;
      const key = `crash-${SEED}-${round}`;
      const before = await revisionCount(signer.documentId);
      const send = await signRequest(signer, key);
      const delay = random() * window;
      let answered = false;
      const inFlight = send().then(
        (response) => {
          answered = response.status === 201;
        },
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      await server.kill();
      await inFlight;
      const stored = (await revisionCount(signer.documentId)) - before;
      expect(stored, `round ${round} (kill after ${Math.round(delay)} ms)`).toBeLessThanOrEqual(1);
      if (answered) outcomes.answeredBeforeKill++;
      else if (stored === 1) outcomes.killedAndStored++;
      else outcomes.killedNothingStored++;

      await server.start();
      await expectConsistent(signer.ceremonyId);
      // The client retries with the same key, twice: one revision in all.
      for (let retry = 0; retry < 2; retry++) {
        const response = await send();
        expect(response.status, `round ${round} retry ${retry}: ${await response.clone().text()}`).toBe(201);
      }
      expect(await revisionCount(signer.documentId)).toBe(before + 1);
      expect(await db.signature.count({ where: { idempotencyKey: { startsWith: key } } })).toBe(1);
      await expectConsistent(signer.ceremonyId);
    }
    console.log(`crash test: ${JSON.stringify(outcomes)}`);
    // Kills that land while the request is on its way are the point of this test.
    expect(outcomes.killedNothingStored + outcomes.killedAndStored).toBeGreaterThan(KILLS / 4);
  });
});
