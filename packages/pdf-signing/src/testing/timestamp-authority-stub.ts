import 'reflect-metadata';

import { sign, webcrypto, KeyObject } from 'node:crypto';

import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import { buildSigningCertificateV2 } from '../build-cms-signature';
import { OID } from '../cms-oids';
import type { RequestTimestamp } from '../request-timestamp';
import { sha256 } from '../sha256';

/**
 * A local RFC 3161 responder for tests: a TSA certificate with the critical
 * timeStamping extended key usage, and a function that answers like an HTTP TSA —
 * correctly, or in one of the ways a real one fails.
 */

export type TsaBehaviour = 'good' | 'garbage' | 'wrong-imprint' | 'rejection' | 'unreachable' | 'bad-signature';

export interface TimestampAuthorityStub {
  requestTimestamp: RequestTimestamp;
  certificateDer: Uint8Array;
  /** Number of requests answered so far. */
  calls: () => number;
  setBehaviour: (behaviour: TsaBehaviour) => void;
}

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export async function createTimestampAuthorityStub(initial: TsaBehaviour = 'good'): Promise<TimestampAuthorityStub> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a1b2c3d',
    name: 'CN=Accord Test Timestamp Authority, O=Accord Tests',
    notBefore: new Date(Date.now() - 3_600_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.8'], true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const certificateDer = new Uint8Array(certificate.rawData);
  const privateKey = KeyObject.from(keys.privateKey as unknown as webcrypto.CryptoKey);
  let behaviour = initial;
  let calls = 0;
  let serial = 1;

  const requestTimestamp: RequestTimestamp = async (imprint) => {
    calls++;
    switch (behaviour) {
      case 'unreachable':
        throw new Error('connect ECONNREFUSED 127.0.0.1:3180');
      case 'garbage':
        return new Uint8Array(Buffer.from('<html>502 Bad Gateway</html>'));
      case 'rejection':
        return new Uint8Array(
          new pkijs.TimeStampResp({
            status: new pkijs.PKIStatusInfo({ status: 2, statusStrings: [new asn1js.Utf8String({ value: 'policy not supported' })] }),
          })
            .toSchema()
            .toBER(),
        );
      default: {
        const stamped = behaviour === 'wrong-imprint' ? sha256(imprint, 'other') : imprint;
        const token = buildToken(stamped, serial++, certificateDer, privateKey, behaviour === 'bad-signature');
        return new Uint8Array(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token }).toSchema().toBER());
      }
    }
  };
  return { requestTimestamp, certificateDer, calls: () => calls, setBehaviour: (next) => (behaviour = next) };
}

function buildToken(imprint: Uint8Array, serial: number, certificateDer: Uint8Array, key: KeyObject, corrupt: boolean): pkijs.ContentInfo {
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    serialNumber: new asn1js.Integer({ value: serial }),
    genTime: new Date(Math.floor(Date.now() / 1000) * 1000),
    ordering: false,
  });
  const tstInfoDer = new Uint8Array(tstInfo.toSchema().toBER());
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(tstInfoDer) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [buildSigningCertificateV2(certificateDer)] }),
    ],
  });
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = sign('sha256', toBeSigned, { key, dsaEncoding: 'der' });
  if (corrupt) signature[signature.length - 5] = signature[signature.length - 5]! ^ 0xff;
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer));
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstInfoDer }) }),
    certificates: [certificate],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  return new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
}
