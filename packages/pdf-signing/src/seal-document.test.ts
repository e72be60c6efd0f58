import { beforeAll, describe, expect, it } from 'vitest';

import { isPdfError } from './pdf-error';
import { prepareSigningFields } from './prepare-signing-fields';
import { sealDocument } from './seal-document';
import { signPreparedFields } from './sign-prepared-fields';
import { expectPdfsigAllValid, expectQpdfClean, runPdfsig } from './testing/external-validators';
import { appearanceFor, simplePdf, testIdentity, trustOf } from './testing/fixtures';
import { createTimestampAuthorityStub } from './testing/timestamp-authority-stub';
import { verifyPdfSignatures } from './verify-pdf-signatures';

let prepared: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  const { identity } = await testIdentity();
  prepared = (
    await prepareSigningFields({
      pdf: await simplePdf({ pages: 1 }),
      fields: [
        { name: 'signer', kind: 'signature', page: 1, rect: { x: 60, y: 300, width: 220, height: 100 } },
        { name: 'seal', kind: 'seal', page: 1, rect: { x: 360, y: 40, width: 180, height: 44 } },
      ],
    })
  ).pdf;
  signed = (
    await signPreparedFields({
      pdf: prepared,
      fields: ['signer'],
      appearance: appearanceFor('lni'),
      signature: { name: 'Signer', reason: 'Signing', location: 'Berlin' },
      identity,
    })
  ).pdf;
});

describe('sealDocument', () => {
  it('refuses to seal while a prepared field is still empty', async () => {
    const { identity } = await testIdentity();
    await expect(sealDocument({ pdf: prepared, fieldName: 'seal', kind: 'platform-signature', identity })).rejects.toSatisfy(
      (error) => isPdfError(error, 'INVALID_FIELD_PLAN') && /"signer" is not signed/.test((error as Error).message),
    );
  });

  it('a platform signature closes the document: total document signed, all valid', async () => {
    const { identity } = await testIdentity();
    const sealed = await sealDocument({
      pdf: signed,
      fieldName: 'seal',
      kind: 'platform-signature',
      identity,
      appearance: { title: 'Sealed by Accord', lines: ['Berlin: 26 Nov 2026, 10:30 CET', 'Seoul: 26 Nov 2026, 18:30 KST'], developmentCertificate: true },
    });
    expect(Buffer.from(sealed.pdf.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const pdfsig = expectPdfsigAllValid(sealed.pdf, 2, { unsignedFields: 0 });
    expect(pdfsig.signatures.find((s) => s.fieldName === 'seal')!.totalDocumentSigned).toBe(true);
    expectQpdfClean(sealed.pdf);
    const report = verifyPdfSignatures(sealed.pdf, trustOf((await testIdentity()).identity));
    expect(report.verdict).toBe('valid');
    expect(report.signatures[1]).toMatchObject({ fieldName: 'seal', kind: 'signature', coversWholeFile: true });
  });

  it('a document timestamp (/DocTimeStamp, ETSI.RFC3161) is verified by our verifier and passes qpdf', async () => {
    const tsa = await createTimestampAuthorityStub('good');
    const sealed = await sealDocument({ pdf: signed, fieldName: 'seal', kind: 'document-timestamp', requestTimestamp: tsa.requestTimestamp });
    expect(Buffer.from(sealed.increment).toString('latin1')).toMatch(/\/Type \/DocTimeStamp[^]*\/SubFilter \/ETSI\.RFC3161/);
    expectQpdfClean(sealed.pdf);
    // The timestamp authority is a root of its own: trusted only when named as an anchor too.
    const signerRoot = trustOf((await testIdentity()).identity).trustedCaDer;
    expect(verifyPdfSignatures(sealed.pdf, { trustedCaDer: signerRoot }).verdict).toBe('untrusted');
    const report = verifyPdfSignatures(sealed.pdf, { trustedCaDer: [...signerRoot, tsa.certificateDer] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[1]).toMatchObject({
      fieldName: 'seal',
      kind: 'document-timestamp',
      digestIntact: true,
      signatureValid: true,
      coversWholeFile: true,
    });
    // poppler 22 cannot check document timestamps; the earlier signature must stay valid there.
    const pdfsig = runPdfsig(sealed.pdf);
    expect(pdfsig.signatures.find((s) => s.fieldName === 'signer')!.validation).toBe('Signature is Valid.');
  });

  it('a timestamp authority answering garbage makes the seal fail closed', async () => {
    const tsa = await createTimestampAuthorityStub('garbage');
    await expect(sealDocument({ pdf: signed, fieldName: 'seal', kind: 'document-timestamp', requestTimestamp: tsa.requestTimestamp })).rejects.toSatisfy(
      (error) => isPdfError(error, 'TSA_FAILED'),
    );
  });
});
