import { constants, createHash, verify, X509Certificate } from 'node:crypto';

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import { digestNameOf, OID, type DigestName } from './cms-oids';

/**
 * Checks one CMS SignedData (a PDF signature's /Contents, or a timestamp token):
 * the message-digest attribute against the caller's digest of the signed content,
 * and the signature over the signed attributes with the signer certificate's key.
 * Uses node:crypto for the cryptography and pkijs only to decode the structure.
 */

export interface CmsCheck {
  /** The bytes decode as CMS SignedData with one signer. */
  parsed: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  /** Plain words when something failed. */
  problem?: string;
  digestAlgorithm?: DigestName;
  signerCertificateDer?: Uint8Array;
  certificatesDer: Uint8Array[];
  signedAttributeTypes: string[];
  unsignedAttributeTypes: string[];
  /** The signer's signature value (what an RFC 3161 signature timestamp covers). */
  signatureValue?: Uint8Array;
  /** undefined when the signed attributes carry no signing-certificate-v2. */
  signingCertificateV2Matches?: boolean;
  timestampTokenDer?: Uint8Array;
  eContentType?: string;
  eContent?: Uint8Array;
}

export function decodeContentInfoSignedData(der: Uint8Array): pkijs.SignedData {
  // /Contents is zero-padded after the DER: parse only the first element.
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new Error('not DER');
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error('not CMS SignedData');
  return new pkijs.SignedData({ schema: contentInfo.content });
}

function octets(view: ArrayBuffer | Uint8Array): Uint8Array {
  return view instanceof Uint8Array ? new Uint8Array(view) : new Uint8Array(view.slice(0));
}

function certificateMatchesSid(certificate: pkijs.Certificate, signerInfo: pkijs.SignerInfo): boolean {
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber);
  }
  // SubjectKeyIdentifier form: [0] IMPLICIT OCTET STRING.
  if (sid instanceof asn1js.Primitive) {
    const keyId = octets(sid.valueBlock.valueHexView);
    const extension = certificate.extensions?.find((ext) => ext.extnID === '2.5.29.14');
    const parsed = extension?.parsedValue as asn1js.OctetString | undefined;
    return parsed !== undefined && Buffer.from(parsed.valueBlock.valueHexView).equals(Buffer.from(keyId));
  }
  return false;
}

/**
 * digestOfContent: the digest of the signed content with the signer's digest
 * algorithm; for detached signatures the caller hashes the document, for tokens
 * with encapsulated content it hashes `eContent`.
 */
export function checkCmsSignedData(der: Uint8Array, digestOfContent: (name: DigestName, eContent: Uint8Array | undefined) => Uint8Array | undefined): CmsCheck {
  const result: CmsCheck = {
    parsed: false,
    digestMatches: false,
    signatureValid: false,
    certificatesDer: [],
    signedAttributeTypes: [],
    unsignedAttributeTypes: [],
  };
  let signedData: pkijs.SignedData;
  try {
    signedData = decodeContentInfoSignedData(der);
  } catch {
    result.problem = 'the signature value is not a CMS signature (it may have been emptied or altered)';
    return result;
  }
  const signerInfo = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || !signerInfo) {
    result.problem = 'the CMS signature must have exactly one signer';
    return result;
  }
  result.parsed = true;
  result.eContentType = signedData.encapContentInfo.eContentType;
  const eContent = signedData.encapContentInfo.eContent;
  if (eContent) result.eContent = octets(eContent.getValue());

  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  result.certificatesDer = certificates.map((c) => octets(c.toSchema().toBER()));
  const signerCertificate = certificates.find((c) => certificateMatchesSid(c, signerInfo));
  if (signerCertificate) result.signerCertificateDer = octets(signerCertificate.toSchema().toBER());

  const digestName = digestNameOf(signerInfo.digestAlgorithm.algorithmId);
  result.digestAlgorithm = digestName;
  result.signatureValue = octets(signerInfo.signature.valueBlock.valueHexView);
  result.signedAttributeTypes = signerInfo.signedAttrs?.attributes.map((a) => a.type) ?? [];
  result.unsignedAttributeTypes = signerInfo.unsignedAttrs?.attributes.map((a) => a.type) ?? [];
  const tokenAttribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken);
  const tokenValue = tokenAttribute?.values[0] as asn1js.AsnType | undefined;
  if (tokenValue) result.timestampTokenDer = octets(tokenValue.toBER());

  if (!digestName) {
    result.problem = `unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`;
    return result;
  }
  if (!signerInfo.signedAttrs) {
    result.problem = 'signatures without signed attributes are not supported';
    return result;
  }
  const messageDigestAttribute = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.messageDigest);
  const messageDigest = messageDigestAttribute?.values[0] as asn1js.OctetString | undefined;
  const expected = digestOfContent(digestName, result.eContent);
  if (!messageDigest || !expected) {
    result.problem = 'the signature has no message digest';
    return result;
  }
  result.digestMatches = Buffer.from(messageDigest.valueBlock.valueHexView).equals(Buffer.from(expected));

  if (signerCertificate) {
    const sigCertAttribute = signerInfo.signedAttrs.attributes.find((a) => a.type === OID.signingCertificateV2);
    if (sigCertAttribute) result.signingCertificateV2Matches = signingCertificateV2Matches(sigCertAttribute, result.signerCertificateDer!);
  }

  if (!signerCertificate) {
    result.problem = 'the signer certificate is not included in the signature';
    return result;
  }
  const signedAttributesDer = octets(signerInfo.signedAttrs.encodedValue);
  signedAttributesDer[0] = 0x31; // signed as a SET OF, stored as [0] IMPLICIT
  try {
    result.signatureValid = verifySignatureValue(
      signerInfo.signatureAlgorithm,
      digestName,
      signedAttributesDer,
      result.signatureValue,
      result.signerCertificateDer!,
    );
  } catch (error) {
    result.problem = `the signature could not be checked: ${(error as Error).message}`;
    return result;
  }
  if (!result.digestMatches) result.problem = 'the document bytes do not match the digest that was signed';
  else if (!result.signatureValid) result.problem = 'the signature value does not verify with the signer certificate';
  return result;
}

function signingCertificateV2Matches(attribute: pkijs.Attribute, certificateDer: Uint8Array): boolean {
  try {
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, … }
    const value = attribute.values[0] as asn1js.Sequence;
    const certs = value.valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const items = first.valueBlock.value;
    // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }
    let hashName: DigestName = 'sha256';
    let hashIndex = 0;
    if (items[0] instanceof asn1js.Sequence) {
      const algorithm = new pkijs.AlgorithmIdentifier({ schema: items[0] });
      hashName = digestNameOf(algorithm.algorithmId) ?? 'sha256';
      hashIndex = 1;
    }
    const certHash = items[hashIndex] as asn1js.OctetString;
    return Buffer.from(certHash.valueBlock.valueHexView).equals(createHash(hashName).update(certificateDer).digest());
  } catch {
    return false;
  }
}

function verifySignatureValue(
  algorithm: pkijs.AlgorithmIdentifier,
  digestName: DigestName,
  data: Uint8Array,
  signature: Uint8Array,
  certificateDer: Uint8Array,
): boolean {
  const publicKey = new X509Certificate(certificateDer).publicKey;
  switch (algorithm.algorithmId) {
    case OID.rsaEncryption:
      return verify(digestName, data, publicKey, signature);
    case OID.sha1WithRsa:
      return verify('sha1', data, publicKey, signature);
    case OID.sha256WithRsa:
      return verify('sha256', data, publicKey, signature);
    case OID.sha384WithRsa:
      return verify('sha384', data, publicKey, signature);
    case OID.sha512WithRsa:
      return verify('sha512', data, publicKey, signature);
    case OID.rsassaPss: {
      const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
      const hash = digestNameOf(params.hashAlgorithm.algorithmId) ?? 'sha1';
      return verify(hash, data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
    }
    case OID.ecPublicKey:
      return verify(digestName, data, { key: publicKey, dsaEncoding: 'der' }, signature);
    case OID.ecdsaWithSha256:
      return verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature);
    case OID.ecdsaWithSha384:
      return verify('sha384', data, { key: publicKey, dsaEncoding: 'der' }, signature);
    case OID.ecdsaWithSha512:
      return verify('sha512', data, { key: publicKey, dsaEncoding: 'der' }, signature);
    default:
      throw new Error(`unsupported signature algorithm ${algorithm.algorithmId}`);
  }
}
