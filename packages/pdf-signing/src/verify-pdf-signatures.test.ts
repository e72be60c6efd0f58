import { beforeAll, describe, expect, it } from 'vitest';

import { prepareSigningFields } from './prepare-signing-fields';
import { signPreparedFields } from './sign-prepared-fields';
import { notAPdf } from './testing/hostile-pdfs';
import { expectPdfsigAllValid, expectQpdfClean, runPdfsig } from './testing/external-validators';
import { appearanceFor, simplePdf, testIdentity } from './testing/fixtures';
import { verifyPdfSignatures } from './verify-pdf-signatures';

let unsigned: Uint8Array;
let oneSignature: Uint8Array;
let twoSignatures: Uint8Array;
let firstByteRange: [number, number, number, number];
let caCertificateDer: Uint8Array;

beforeAll(async () => {
  const test = await testIdentity();
  caCertificateDer = test.caCertificateDer;
  unsigned = await simplePdf({ pages: 2 });
  const prepared = await prepareSigningFields({
    pdf: unsigned,
    fields: [
      { name: 'first', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 220, height: 100 } },
      { name: 'second', kind: 'signature', page: 2, rect: { x: 300, y: 100, width: 220, height: 100 } },
    ],
  });
  const args = { identity: test.identity, signature: { name: 'Tester', reason: 'Test', location: 'Berlin' } };
  const first = await signPreparedFields({ pdf: prepared.pdf, fields: ['first'], appearance: appearanceFor('lni'), ...args });
  oneSignature = first.pdf;
  firstByteRange = first.fields[0]!.byteRange;
  twoSignatures = (await signPreparedFields({ pdf: first.pdf, fields: ['second'], appearance: appearanceFor('kosmo'), ...args })).pdf;
  // The untampered inputs pass the external validators.
  expectPdfsigAllValid(oneSignature, 1, { unsignedFields: 1 });
  expectPdfsigAllValid(twoSignatures, 2, { unsignedFields: 0 });
  expectQpdfClean(twoSignatures);
});

function copy(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes);
}

describe('verifyPdfSignatures', () => {
  it('says valid for intact signatures and names fields, signers and certificates', () => {
    const report = verifyPdfSignatures(twoSignatures, { trustedCaDer: [caCertificateDer] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.fieldName, s.coversWholeFile, s.modifiedAfterSigning])).toEqual([
      ['first', false, 'later-signed-revision'],
      ['second', true, 'none'],
    ]);
    const [signature] = report.signatures;
    expect(signature).toMatchObject({
      byteRangeSane: true,
      digestIntact: true,
      signatureValid: true,
      hasSigningCertificateV2: true,
      hasSigningTimeAttribute: false,
    });
    expect(signature!.certificate?.isDevelopment).toBe(true);
    expect(signature!.certificate?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.allTrusted).toBe(true);
  });

  it('does not trust a certificate from another CA', async () => {
    const other = await testIdentity('ECDSA-P256');
    const report = verifyPdfSignatures(twoSignatures, { trustedCaDer: [other.caCertificateDer] });
    expect(report.verdict).toBe('untrusted');
    expect(report.allTrusted).toBe(false);
    expect(report.signatures.every((s) => !s.chainsToTrustedCa)).toBe(true);
  });

  it('hostile case "Flipped byte": one byte flipped inside a signed range → invalid, and pdfsig reports a digest mismatch', () => {
    const tampered = copy(oneSignature);
    // Inside the first range, in the page content area (not in the signature dictionary).
    const at = Math.floor(firstByteRange[1] / 3);
    tampered[at] = tampered[at]! ^ 0x01;
    const report = verifyPdfSignatures(tampered);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]).toMatchObject({ digestIntact: false, valid: false });
    expect(report.reason).toMatch(/do not match the digest/);
    const pdfsig = runPdfsig(tampered);
    expect(pdfsig.output).toMatch(/Digest Mismatch/i);
  });

  it('hostile case "Flipped byte" also in the second range (the update after /Contents)', () => {
    const tampered = copy(oneSignature);
    const at = firstByteRange[2] + Math.floor(firstByteRange[3] / 2);
    tampered[at] = tampered[at]! ^ 0x20;
    expect(verifyPdfSignatures(tampered).verdict).toBe('invalid');
  });

  it('hostile case "Appended bytes": bytes appended after the last signature → "modified after signing"', () => {
    const appended = Buffer.concat([copy(twoSignatures), Buffer.from('\n% appended later\n1 0 obj\n<<>>\nendobj\n')]);
    const report = verifyPdfSignatures(appended);
    expect(report.verdict).toBe('valid-but-modified-after-signing');
    expect(report.reason).toMatch(/added after the last signature/);
    expect(report.signatures.map((s) => s.modifiedAfterSigning)).toEqual(['later-signed-revision', 'appended-unsigned-bytes']);
    expect(report.signatures.every((s) => s.valid)).toBe(true);
  });

  it('distinguishes a later signed revision from appended bytes', () => {
    const report = verifyPdfSignatures(oneSignature, { trustedCaDer: [caCertificateDer] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]!.modifiedAfterSigning).toBe('none');
  });

  it('hostile case "Tampered byte range": a tampered /ByteRange → invalid', () => {
    const text = copy(oneSignature).toString('latin1');
    const original = `/ByteRange [${firstByteRange.join(' ')}]`;
    expect(text).toContain(original);
    // Same length, so nothing else moves: shift the gap by one byte.
    const forged = `/ByteRange [0 ${firstByteRange[1] - 1} ${firstByteRange[2]} ${firstByteRange[3]}]`.padEnd(original.length, ' ');
    const tampered = Buffer.from(text.replace(original, forged), 'latin1');
    const report = verifyPdfSignatures(tampered);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.byteRangeSane).toBe(false);
    expect(report.reason).toMatch(/ByteRange/);
  });

  it('hostile case "Tampered byte range": a /ByteRange that claims to cover less of the file → invalid', () => {
    const text = copy(oneSignature).toString('latin1');
    const original = `/ByteRange [${firstByteRange.join(' ')}]`;
    const forged = `/ByteRange [0 ${firstByteRange[1]} ${firstByteRange[2]} ${firstByteRange[3] - 100}]`.padEnd(original.length, ' ');
    expect(verifyPdfSignatures(Buffer.from(text.replace(original, forged), 'latin1')).verdict).toBe('invalid');
  });

  it('hostile case "Tampered byte range": emptied /Contents (all zeros) → invalid', () => {
    const tampered = copy(oneSignature);
    tampered.fill(0x30, firstByteRange[1] + 1, firstByteRange[2] - 1);
    const report = verifyPdfSignatures(tampered);
    expect(report.verdict).toBe('invalid');
    expect(report.reason).toMatch(/not a CMS signature/);
  });

  it('says not-signed and not-a-pdf in plain words', () => {
    expect(verifyPdfSignatures(unsigned)).toMatchObject({ verdict: 'not-signed', reason: 'This PDF contains no signatures.' });
    expect(verifyPdfSignatures(notAPdf())).toMatchObject({ verdict: 'not-a-pdf', reason: 'This file is not a PDF.' });
    expect(verifyPdfSignatures(new Uint8Array())).toMatchObject({ verdict: 'not-a-pdf' });
  });

  it('finds a signature whose field was dropped from the form (raw scan, not the object model)', () => {
    // Rename the field's /V key so the form no longer points at the signature.
    const text = copy(oneSignature).toString('latin1');
    const lastV = text.lastIndexOf('/V ');
    const tampered = Buffer.from(text.slice(0, lastV) + '/X ' + text.slice(lastV + 3), 'latin1');
    const report = verifyPdfSignatures(tampered);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]!.fieldName).toBeUndefined();
    // The renamed key lies inside the signed range: the signature itself reports the change.
    expect(report.verdict).toBe('invalid');
  });
});
