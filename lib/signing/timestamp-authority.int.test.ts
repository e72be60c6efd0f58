import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lockForUpdate, transaction, db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { openSigning } from '@/lib/signing/open-signing';
import { expectPdfsigAllValid, expectQpdfClean } from '@accord/pdf-signing/testing/external-validators';
import { verifyPdfSignatures } from '@accord/pdf-signing/verify-pdf-signatures';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';
import { startOpensslTsa, type OpensslTsa } from '@/test/openssl-tsa';

// Wired the way an operator wires it: TSA_URL, read once by lib/env.ts.
const TSA_PORT = 8318;
vi.hoisted(() => {
  process.env.TSA_URL = 'http://127.0.0.1:8318/';
});

let tsa: OpensslTsa;
beforeAll(async () => {
  tsa = await startOpensslTsa({ port: TSA_PORT });
});
afterAll(async () => {
  await tsa?.stop();
});

async function openCeremony() {
  const c = await createSigningCeremony({ order: 'parallel' });
  await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
  const signer = c.parties[0]!;
  const documentId = c.documentIds[0]!;
  const request = { ceremonyId: c.ceremonyId, documentId, userId: signer.userId, idempotencyKey: `tsa-${randomUUID()}`, capture: { typed: signer.signer } };
  return { c, documentId, request };
}

async function expectNothingStored(ceremonyId: string, documentId: string) {
  expect(await db.documentRevision.count({ where: { documentId } })).toBe(2);
  expect(await db.signature.count({ where: { documentId } })).toBe(0);
  expect(await db.signatureField.count({ where: { documentId, signatureId: { not: null } } })).toBe(0);
  expect(await db.auditEvent.count({ where: { ceremonyId, kind: 'document.signed' } })).toBe(0);
}

describe('signing with a real RFC 3161 timestamp authority (openssl ts) through TSA_URL (hostile case "Timestamp authority failure")', () => {
  it('a good timestamp: the signature carries a valid signature timestamp (PAdES B-T); pdfsig and qpdf stay clean', async () => {
    await tsa.setMode('good');
    const { c, documentId, request } = await openCeremony();
    const before = tsa.requests();
    const result = await signAgreement(request);
    expect(result.replayed).toBe(false);
    expect(tsa.requests()).toBe(before + 1);
    const { bytes } = await readRevisionBytes({ documentId });
    const report = verifyPdfSignatures(bytes);
    const signed = report.signatures.filter((signature) => signature.kind === 'signature' && signature.signerName);
    expect(signed).toHaveLength(1);
    expect(signed[0]!.timestamp, JSON.stringify(signed[0]!.problems)).toMatchObject({ valid: true });
    expect(Math.abs(new Date(signed[0]!.timestamp!.time!).getTime() - Date.now())).toBeLessThan(120_000);
    expect(signed[0]!.valid).toBe(true);
    expectPdfsigAllValid(bytes, 1);
    expectQpdfClean(bytes);
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'document.signed' } });
    expect(JSON.parse(event.payload as string)).toMatchObject({ timestamped: true });
  });

  for (const [mode, problem] of [
    ['down', 'could not be reached'],
    ['garbage', 'not a timestamp response'],
    ['other-hash', 'different data'],
  ] as const) {
    it(`a TSA that is ${mode === 'other-hash' ? 'answering for another hash' : mode}: signing fails closed with a clear message, nothing stored`, async () => {
      await tsa.setMode(mode);
      try {
        const { c, documentId, request } = await openCeremony();
        const failure = signAgreement(request);
        await expect(failure).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        await expect(failure).rejects.toThrow(/timestamp authority failed.*Nothing was signed/);
        await expect(failure).rejects.toThrow(problem);
        await expectNothingStored(c.ceremonyId, documentId);
      } finally {
        await tsa.setMode('good');
      }
    });
  }

  it('the timestamp request is made outside the database transaction: the document lock is free while the TSA answers', async () => {
    await tsa.setMode('good');
    const { documentId, request } = await openCeremony();
    const before = tsa.requests();
    const release = tsa.hold();
    const signing = signAgreement(request);
    try {
      await vi.waitFor(() => expect(tsa.requests()).toBe(before + 1), { timeout: 20_000, interval: 20 });
      // Another writer of the same document (and, on SQLite, of anything) is not kept waiting.
      const write = transaction(async (tx) => {
        await lockForUpdate(tx, `document:${documentId}`);
        await tx.processedWebhook.create({ data: { id: `tsa-lock-${randomUUID()}` } });
        return 'written' as const;
      });
      const waited = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000));
      expect(await Promise.race([write, waited])).toBe('written');
    } finally {
      release();
    }
    await expect(signing).resolves.toMatchObject({ revisionNumber: 2, replayed: false });
  });

  /** A one-party ceremony with every field signed (through the TSA), ready to conclude. */
  async function signedThrough() {
    await tsa.setMode('good');
    const c = await createSigningCeremony({ order: 'parallel', parties: 1 });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    for (const documentId of c.documentIds) {
      await signAgreement({
        ceremonyId: c.ceremonyId,
        documentId,
        userId: signer.userId,
        idempotencyKey: `tsa-${randomUUID()}`,
        capture: { typed: signer.signer },
      });
    }
    return c;
  }

  it("concluding: the seals' timestamps are requested outside the database transaction, and a failing TSA leaves the ceremony in signing", async () => {
    const c = await signedThrough();
    await tsa.setMode('down');
    await expect(concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId })).rejects.toThrow();
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('SIGNING');
    expect(await db.documentRevision.count({ where: { documentId: { in: c.documentIds }, kind: 'sealed' } })).toBe(0);

    await tsa.setMode('good');
    const before = tsa.requests();
    const release = tsa.hold();
    const concluding = concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    try {
      await vi.waitFor(() => expect(tsa.requests()).toBe(before + 1), { timeout: 20_000, interval: 20 });
      const write = transaction(async (tx) => {
        await lockForUpdate(tx, `ceremony:${c.ceremonyId}`);
        await tx.processedWebhook.create({ data: { id: `tsa-conclude-${randomUUID()}` } });
        return 'written' as const;
      });
      const waited = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000));
      expect(await Promise.race([write, waited])).toBe('written');
    } finally {
      release();
    }
    await concluding;
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');
    for (const documentId of c.documentIds) {
      const { bytes, revision } = await readRevisionBytes({ documentId });
      expect(revision.kind).toBe('sealed');
      expectPdfsigAllValid(bytes, 2); // the signatory's signature and the closing seal
      expectQpdfClean(bytes);
    }
  });
});
