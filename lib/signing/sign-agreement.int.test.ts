import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { expectQpdfClean, runPdfsig } from '@accord/pdf-signing/testing/external-validators';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony, createUser } from '@/test/factories';

const key = () => `key-${randomUUID()}`;
const typed = (name: string) => ({ typed: name });

async function revisionsOf(documentId: string) {
  const rows = await db.documentRevision.findMany({ where: { documentId }, orderBy: { number: 'asc' }, select: { number: true } });
  return Promise.all(rows.map(async (row) => (await readRevisionBytes({ documentId, number: row.number })).bytes));
}

/**
 * pdfsig lists the prepared but still empty fields too ("not signed"): every signed one
 * must be valid, and exactly one — the newest — covers the whole document.
 */
function expectPdfsigAllValid(bytes: Uint8Array, signedCount: number) {
  const result = runPdfsig(bytes);
  const signed = result.signatures.filter((signature) => !/not signed/.test(signature.validation ?? '') && signature.validation !== undefined);
  expect(
    signed.map((signature) => signature.validation),
    result.output,
  ).toEqual(Array(signedCount).fill('Signature is Valid.'));
  expect(
    signed.filter((signature) => signature.totalDocumentSigned),
    result.output,
  ).toHaveLength(1);
  return { ...result, signatures: signed };
}

function expectEachRevisionPrefixOfNext(revisions: Uint8Array[]) {
  for (let index = 1; index < revisions.length; index++) {
    const previous = revisions[index - 1]!;
    const next = revisions[index]!;
    expect(next.length).toBeGreaterThan(previous.length);
    expect(Buffer.from(next.subarray(0, previous.length)).equals(Buffer.from(previous))).toBe(true);
  }
}

describe('signing through the use-cases', () => {
  it('one signature: pdfsig valid, total document signed; prepared revision first (hostile case "One signature")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    const result = await signAgreement({
      ceremonyId: c.ceremonyId,
      documentId: c.documentIds[0]!,
      userId: signer.userId,
      idempotencyKey: key(),
      capture: typed(signer.signer),
      ipAddress: '203.0.113.7',
      userAgent: 'vitest',
    });
    expect(result).toMatchObject({ revisionNumber: 2, replayed: false });
    const { bytes } = await readRevisionBytes({ documentId: c.documentIds[0]! });
    expectPdfsigAllValid(bytes, 1);
    expectQpdfClean(bytes);
    const kinds = await db.documentRevision.findMany({ where: { documentId: c.documentIds[0]! }, orderBy: { number: 'asc' }, select: { kind: true } });
    expect(kinds.map((k) => k.kind)).toEqual(['original', 'prepared', 'signed']);
  });

  it('three signers in turn, then the seal: all valid, each revision a byte-identical prefix of the next (hostile case "Three signers in turn")', async () => {
    const c = await createSigningCeremony({ order: 'sequential', parties: 3 });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const documentId = c.documentIds[0]!;
    for (const party of c.parties) {
      await signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: party.userId, idempotencyKey: key(), capture: typed(party.signer) });
    }
    const evidence = await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const revisions = await revisionsOf(documentId);
    expect(revisions).toHaveLength(6); // original, prepared, 3 signed, sealed
    expectEachRevisionPrefixOfNext(revisions);
    for (const [index, revision] of revisions.slice(2).entries()) {
      const pdfsig = expectPdfsigAllValid(revision, index + 1);
      expect(pdfsig.signatures.every((s) => s.subFilter?.includes('ETSI.CAdES.detached'))).toBe(true);
      expectQpdfClean(revision);
    }
    const ceremony = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } });
    expect(ceremony.state).toBe('CONCLUDED');
    expect(evidence).toMatchObject({ kind: 'evidence-package', contentType: 'application/zip' });
    const certificate = await db.artefact.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'certificate' } });
    expectQpdfClean(certificate.bytes);
  });

  it('refuses out of turn, twice, and after signing closed, leaving one revision each (hostile case "Out of turn")', async () => {
    const c = await createSigningCeremony({ order: 'sequential' });
    const [first, second] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const documentId = c.documentIds[0]!;
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: first.userId, idempotencyKey: key(), capture: typed('x') }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'Signing is not open yet.' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: second.userId, idempotencyKey: key(), capture: typed('x') }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'It is not your turn to sign yet.' });
    await signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: first.userId, idempotencyKey: key(), capture: typed(first.signer) });
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: first.userId, idempotencyKey: key(), capture: typed('x') }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'You have already signed this document.' });
    await signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: second.userId, idempotencyKey: key(), capture: typed(second.signer) });
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await expect(
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: second.userId, idempotencyKey: key(), capture: typed('x') }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'Signing is closed.' });
    expect(await db.signature.count({ where: { documentId } })).toBe(2);
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(5);
  });

  it('a replayed request (same key) yields one revision (hostile case "Replayed sign request")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    const request = { ceremonyId: c.ceremonyId, documentId: c.documentIds[0]!, userId: signer.userId, idempotencyKey: key(), capture: typed(signer.signer) };
    const [a, b] = await Promise.all([signAgreement(request), signAgreement(request)]);
    const c3 = await signAgreement(request);
    expect(new Set([a.signatureId, b.signatureId, c3.signatureId]).size).toBe(1);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db.signature.count({ where: { documentId: c.documentIds[0]! } })).toBe(1);
  });

  it('two signatories confirming at the same instant both land, serialised, both valid (hostile case "Simultaneous confirmations")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const documentId = c.documentIds[0]!;
    await Promise.all(
      c.parties.map((party) =>
        signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: party.userId, idempotencyKey: key(), capture: typed(party.signer) }),
      ),
    );
    const revisions = await revisionsOf(documentId);
    expect(revisions).toHaveLength(4);
    expectEachRevisionPrefixOfNext(revisions);
    expectPdfsigAllValid(revisions[3]!, 2);
  });

  it('refuses observers, delegates and archivists (403) and members of another ceremony (404) (hostile cases "Observer signs or publishes", "Archivist signs", "Cross-ceremony access")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const other = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const documentId = c.documentIds[0]!;
    const archivist = await createUser({ globalRole: 'archivist' });
    const attempt = (userId: string) => signAgreement({ ceremonyId: c.ceremonyId, documentId, userId, idempotencyKey: key(), capture: typed('x') });
    await expect(attempt(c.observerId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(attempt(c.organiserId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(attempt(archivist.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(attempt(other.parties[0]!.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(2);
  });

  it('alternat: own originals first, exchange, then countersignatures; 1 pdfsig-valid file per party', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const [lniOriginal, kosmoOriginal] = c.documentIds as [string, string];
    const sign = (party: typeof lni, documentId: string) =>
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: party.userId, idempotencyKey: key(), capture: typed(party.signer) });
    await expect(sign(kosmo, lniOriginal)).rejects.toMatchObject({ message: 'The originals have not been exchanged yet.' });
    await sign(lni, lniOriginal);
    await sign(kosmo, kosmoOriginal);
    await transaction((tx) => appendAuditEvent(tx, { ceremonyId: c.ceremonyId, actorUserId: c.organiserId, kind: 'signing.originals-exchanged' }));
    await sign(kosmo, lniOriginal);
    await sign(lni, kosmoOriginal);
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    for (const documentId of c.documentIds) {
      const { bytes } = await readRevisionBytes({ documentId });
      expectPdfsigAllValid(bytes, 3);
      expectQpdfClean(bytes);
    }
  });

  it('a failing timestamp authority stops signing with a clear message and stores nothing (hostile case "Timestamp authority failure")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    for (const requestTimestamp of [
      async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:3180');
      },
      async () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x02]),
    ]) {
      await expect(
        signAgreement({
          ceremonyId: c.ceremonyId,
          documentId: c.documentIds[0]!,
          userId: signer.userId,
          idempotencyKey: key(),
          capture: typed('x'),
          requestTimestamp,
        }),
      ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('timestamp authority') });
    }
    expect(await db.signature.count({ where: { documentId: c.documentIds[0]! } })).toBe(0);
  });
});
