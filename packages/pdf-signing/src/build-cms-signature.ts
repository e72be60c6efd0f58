import { KeyObject, sign, X509Certificate } from 'node:crypto';

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import { berView, OID } from './cms-oids';
import type { SigningIdentity } from './load-signing-identity';
import { obtainTimestampToken, type RequestTimestamp } from './request-timestamp';
import { sha256 } from './sha256';

/**
 * PAdES baseline B-B (ETSI EN 319 142-1): a detached CMS SignedData over SHA-256 with
 * the signed attributes content-type, message-digest and ESS signing-certificate-v2,
 * and no signing-time attribute (the signing time is the signature dictionary's /M).
 * With a timestamp authority the signature gets an RFC 3161 signature timestamp as
 * unsigned attribute (B-T); a TSA failure throws TSA_FAILED.
 */

export interface BuildCmsSignatureOptions {
  identity: SigningIdentity;
  /** SHA-256 of the signed byte ranges. */
  contentDigest: Uint8Array;
  requestTimestamp?: RequestTimestamp;
}

function toKeyObject(key: SigningIdentity['privateKey']): KeyObject {
  return key instanceof KeyObject ? key : KeyObject.from(key);
}

function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
}

function parseAsn1(der: Uint8Array): asn1js.AsnType {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new Error('invalid DER');
  return asn1.result;
}

/**
 * RFC 5035: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT id-sha256, certHash OCTET STRING,
 * issuerSerial IssuerSerial } — with SHA-256, DER omits the default hashAlgorithm.
 * IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }, the issuer
 * as a directoryName ([4] EXPLICIT Name) copied byte for byte from the certificate.
 */
export function buildSigningCertificateV2(certificateDer: Uint8Array): asn1js.Sequence {
  const certificate = pkijs.Certificate.fromBER(berView(certificateDer));
  const issuerName = parseAsn1(new Uint8Array(certificate.issuer.toSchema().toBER()));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [issuerName] })],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function signatureAlgorithmFor(key: KeyObject): pkijs.AlgorithmIdentifier {
  if (key.asymmetricKeyType === 'rsa') {
    return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
  }
  if (key.asymmetricKeyType === 'ec') return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  throw new Error(`signing keys of type ${key.asymmetricKeyType} are not supported (use RSA or ECDSA)`);
}

/** Per identity, what does not change between signatures (decoding costs milliseconds). */
const prepared = new WeakMap<Uint8Array, { signingCertificateV2Der: Uint8Array }>();

function preparedFor(identity: SigningIdentity): { signingCertificateV2Der: Uint8Array } {
  let entry = prepared.get(identity.certificateDer);
  if (!entry) {
    entry = { signingCertificateV2Der: new Uint8Array(buildSigningCertificateV2(identity.certificateDer).toBER()) };
    prepared.set(identity.certificateDer, entry);
  }
  return entry;
}

/** Returns the DER-encoded ContentInfo that goes into /Contents. */
export async function buildCmsSignature(options: BuildCmsSignatureOptions): Promise<Uint8Array> {
  const { identity, contentDigest } = options;
  const key = toKeyObject(identity.privateKey);
  const certificate = pkijs.Certificate.fromBER(berView(identity.certificateDer));
  const { signingCertificateV2Der } = preparedFor(identity);

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [parseAsn1(signingCertificateV2Der)] }),
  ];
  // DER wants a SET OF sorted by encoding; pkijs writes the order given.
  attributes.sort((a, b) => compareBytes(new Uint8Array(a.toSchema().toBER()), new Uint8Array(b.toSchema().toBER())));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31; // signed as SET OF, stored as [0] IMPLICIT
  const signatureValue = sign('sha256', toBeSigned, key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'der' } : key);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmFor(key),
    signature: new asn1js.OctetString({ valueHex: signatureValue }),
  });

  if (options.requestTimestamp) {
    const imprint = sha256(signatureValue);
    const { tokenDer } = await obtainTimestampToken(options.requestTimestamp, imprint);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [parseAsn1(tokenDer)] })],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [identity.certificateDer, ...identity.chainDer].map((der) => pkijs.Certificate.fromBER(berView(der))),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** An upper bound for the DER size, so the /Contents placeholder can be sized before hashing. */
export function estimateCmsSize(identity: SigningIdentity, withTimestamp: boolean): number {
  const key = toKeyObject(identity.privateKey);
  const certificates = [identity.certificateDer, ...identity.chainDer].reduce((sum, der) => sum + der.length, 0);
  const issuer = new X509Certificate(identity.certificateDer).issuer.length;
  const modulusBytes = key.asymmetricKeyType === 'rsa' ? Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8) : 140;
  // Attributes, algorithm identifiers and the issuer name (twice) around the certificates.
  const overhead = 600 + 2 * issuer + modulusBytes;
  return certificates + overhead + (withTimestamp ? TIMESTAMP_RESERVE : 0);
}

/** Room for a timestamp token: a TSA certificate chain is typically 2–6 KB. */
export const TIMESTAMP_RESERVE = 10 * 1024;
