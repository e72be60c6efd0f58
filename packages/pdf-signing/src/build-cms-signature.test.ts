import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildCmsSignature } from './build-cms-signature';
import { checkCmsSignedData, decodeContentInfoSignedData } from './check-cms-signed-data';
import { OID } from './cms-oids';
import { isPdfError } from './pdf-error';
import { prepareSigningFields } from './prepare-signing-fields';
import { signPreparedFields } from './sign-prepared-fields';
import { expectPdfsigAllValid, expectQpdfClean } from './testing/external-validators';
import { appearanceFor, simplePdf, testIdentity, trustOf } from './testing/fixtures';
import { createTimestampAuthorityStub, type TimestampAuthorityStub, type TsaBehaviour } from './testing/timestamp-authority-stub';
import { verifyPdfSignatures } from './verify-pdf-signatures';
import { sha256 } from './sha256';

const digest = sha256('the signed byte ranges');
let tsa: TimestampAuthorityStub;

beforeAll(async () => {
  tsa = await createTimestampAuthorityStub();
});

describe('buildCmsSignature (PAdES B-B)', () => {
  for (const algorithm of ['RSA-2048', 'ECDSA-P256'] as const) {
    it(`${algorithm}: detached SignedData with content-type, message-digest, signing-certificate-v2 and no signing-time`, async () => {
      const { identity } = await testIdentity(algorithm);
      const der = await buildCmsSignature({ identity, contentDigest: digest });
      const signedData = decodeContentInfoSignedData(der);
      expect(signedData.encapContentInfo.eContent).toBeUndefined();
      expect(signedData.digestAlgorithms.map((a) => a.algorithmId)).toEqual([OID.sha256]);
      const signer = signedData.signerInfos[0]!;
      const types = signer.signedAttrs!.attributes.map((a) => a.type);
      expect(types).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
      expect(types).not.toContain(OID.signingTime);
      expect(signer.unsignedAttrs).toBeUndefined();

      // signing-certificate-v2 holds the SHA-256 of the signer certificate (hash algorithm omitted = SHA-256).
      const attribute = signer.signedAttrs!.attributes.find((a) => a.type === OID.signingCertificateV2)!;
      const essCertId = ((attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
      const certHash = essCertId.valueBlock.value[0] as asn1js.OctetString;
      expect(Buffer.from(certHash.valueBlock.valueHexView).toString('hex')).toBe(sha256(identity.certificateDer).toString('hex'));
      const issuerSerial = essCertId.valueBlock.value[1] as asn1js.Sequence;
      const serial = issuerSerial.valueBlock.value[1] as asn1js.Integer;
      const certificate = pkijs.Certificate.fromBER(new Uint8Array(identity.certificateDer));
      expect(serial.isEqual(certificate.serialNumber)).toBe(true);

      // The certificates travel byte for byte.
      const certificates = (signedData.certificates ?? []).map((c) => Buffer.from((c as pkijs.Certificate).toSchema().toBER()));
      expect(certificates[0]!.equals(Buffer.from(identity.certificateDer))).toBe(true);
      expect(certificates).toHaveLength(1 + identity.chainDer.length);

      const check = checkCmsSignedData(der, () => digest);
      expect(check).toMatchObject({ parsed: true, digestMatches: true, signatureValid: true, signingCertificateV2Matches: true });
      expect(checkCmsSignedData(der, () => sha256('other')).digestMatches).toBe(false);
    });
  }

  it('signed attributes are DER-sorted (a SET OF)', async () => {
    const { identity } = await testIdentity();
    const signer = decodeContentInfoSignedData(await buildCmsSignature({ identity, contentDigest: digest })).signerInfos[0]!;
    const encoded = signer.signedAttrs!.attributes.map((a) => Buffer.from(a.toSchema().toBER()));
    expect([...encoded].sort(Buffer.compare)).toEqual(encoded);
  });
});

describe('signature timestamps (PAdES B-T)', () => {
  it('adds a validated RFC 3161 token over the signature value as id-aa-timeStampToken', async () => {
    const { identity } = await testIdentity();
    tsa.setBehaviour('good');
    const der = await buildCmsSignature({ identity, contentDigest: digest, requestTimestamp: tsa.requestTimestamp });
    const check = checkCmsSignedData(der, () => digest);
    expect(check.unsignedAttributeTypes).toEqual([OID.timeStampToken]);
    expect(check.timestampTokenDer).toBeDefined();
    const token = decodeContentInfoSignedData(check.timestampTokenDer!);
    const tstInfo = pkijs.TSTInfo.fromBER(new Uint8Array(token.encapContentInfo.eContent!.getValue()));
    expect(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).equals(sha256(check.signatureValue!))).toBe(true);
  });

  it('a B-T signature in a PDF is accepted by pdfsig, qpdf and our verifier', async () => {
    const { identity } = await testIdentity();
    tsa.setBehaviour('good');
    const prepared = await prepareSigningFields({
      pdf: await simplePdf({ pages: 1 }),
      fields: [{ name: 'signer', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 220, height: 100 } }],
    });
    const signed = await signPreparedFields({
      pdf: prepared.pdf,
      fields: ['signer'],
      appearance: appearanceFor('lni'),
      signature: { name: 'Tester', reason: 'B-T', location: 'Berlin' },
      identity,
      requestTimestamp: tsa.requestTimestamp,
    });
    expectPdfsigAllValid(signed.pdf, 1);
    expectQpdfClean(signed.pdf);
    const report = verifyPdfSignatures(signed.pdf, trustOf(identity));
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]!.timestamp).toMatchObject({ valid: true });
    expect(Date.parse(report.signatures[0]!.timestamp!.time!)).toBeGreaterThan(Date.now() - 60_000);
  });

  const failures: [TsaBehaviour, RegExp][] = [
    ['unreachable', /could not be reached/],
    ['garbage', /not a timestamp response/],
    ['rejection', /refused the request \(status rejection: policy not supported\)/],
    ['wrong-imprint', /issued for different data/],
    ['bad-signature', /signature is invalid/],
  ];
  for (const [behaviour, message] of failures) {
    it(`fails closed with TSA_FAILED when the authority is ${behaviour}`, async () => {
      const { identity } = await testIdentity();
      tsa.setBehaviour(behaviour);
      const before = tsa.calls();
      const attempt = buildCmsSignature({ identity, contentDigest: digest, requestTimestamp: tsa.requestTimestamp });
      await expect(attempt).rejects.toSatisfy((error) => isPdfError(error, 'TSA_FAILED') && message.test((error as Error).message));
      expect(tsa.calls()).toBe(before + 1);
    });
  }

  it('a TSA failure while signing a PDF produces no revision', async () => {
    const { identity } = await testIdentity();
    tsa.setBehaviour('garbage');
    const prepared = await prepareSigningFields({
      pdf: await simplePdf({ pages: 1 }),
      fields: [{ name: 'signer', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 220, height: 100 } }],
    });
    await expect(
      signPreparedFields({
        pdf: prepared.pdf,
        fields: ['signer'],
        appearance: appearanceFor('lni'),
        signature: { name: 'Tester', reason: 'B-T', location: 'Berlin' },
        identity,
        requestTimestamp: tsa.requestTimestamp,
      }),
    ).rejects.toSatisfy((error) => isPdfError(error, 'TSA_FAILED'));
  });
});
