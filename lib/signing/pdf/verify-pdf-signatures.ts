import { createHash, X509Certificate } from 'node:crypto';

import { checkCmsSignedData } from './check-cms-signed-data';
import { OID, type DigestName } from './cms-oids';
import { DEVELOPMENT_MARKER } from './create-development-certificate';
import { listFormFields } from './find-form-fields';
import { indexOfAscii, lastIndexOfAscii, PdfLexer } from './parse-pdf-object';
import { decodeTextString, PdfDict, PdfRef, PdfString } from './pdf-objects';
import { hasPdfHeader, PdfFile } from './read-pdf-file';
import { checkTimestampToken } from './request-timestamp';

/**
 * Verifies every signature in a PDF from its bytes. Signature dictionaries are found
 * by scanning the raw bytes for /ByteRange (so a signature cannot hide from the check
 * by being left out of the form), each dictionary is parsed where it stands, and the
 * checks use only what a signature actually commits to: its byte ranges, the gap
 * being exactly its own /Contents string, and the CMS inside. The form structure is
 * consulted only to name the fields.
 */

export type Verdict = 'valid' | 'valid-but-modified-after-signing' | 'invalid' | 'not-signed' | 'not-a-pdf';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  validFrom: string;
  validTo: string;
  isDevelopment: boolean;
}

export interface SignatureReport {
  /** 1-based, in the order the signatures were made (by the end of their byte range). */
  index: number;
  fieldName?: string;
  kind: 'signature' | 'document-timestamp';
  subFilter?: string;
  signerName?: string;
  reason?: string;
  location?: string;
  /** /M as written (D:…). */
  signingTime?: string;
  byteRange?: number[];
  byteRangeSane: boolean;
  /** The SHA-256 over the byte ranges equals the signed message digest. */
  digestIntact: boolean;
  /** The CMS signature verifies with the signer certificate. */
  signatureValid: boolean;
  coversWholeFile: boolean;
  /** What follows this signature's byte range. */
  modifiedAfterSigning: 'none' | 'later-signed-revision' | 'appended-unsigned-bytes';
  hasSigningCertificateV2: boolean;
  hasSigningTimeAttribute: boolean;
  certificate?: CertificateSummary;
  /** The signer certificate chains (through certificates in the signature) to a trusted CA. */
  chainsToTrustedCa: boolean;
  timestamp?: { time?: string; valid: boolean; problem?: string };
  valid: boolean;
  problems: string[];
}

export interface VerificationReport {
  verdict: Verdict;
  /** Plain words, for people. */
  reason: string;
  fileLength: number;
  signatures: SignatureReport[];
  /** Every signature chains to one of the trusted CAs (false when none were given). */
  allTrusted: boolean;
}

export interface VerifyPdfSignaturesOptions {
  /** DER certificates of the CAs to trust (e.g. the platform's signing CA). */
  trustedCaDer?: Uint8Array[];
}

interface Candidate {
  objectOffset: number;
  objectNum: number;
  dict: PdfDict;
}

const MAX_SIGNATURES = 1000;
const MAX_HEADER_LOOKBACK = 512 * 1024;

export function verifyPdfSignatures(bytes: Uint8Array, options: VerifyPdfSignaturesOptions = {}): VerificationReport {
  const fileLength = bytes.length;
  const base = { fileLength, signatures: [] as SignatureReport[], allTrusted: false };
  if (!hasPdfHeader(bytes)) return { ...base, verdict: 'not-a-pdf', reason: 'This file is not a PDF.' };

  const fieldNames = namesOfSignedFields(bytes);
  const candidates = findSignatureDictionaries(bytes);
  if (candidates.length === 0) return { ...base, verdict: 'not-signed', reason: 'This PDF contains no signatures.' };

  const trusted = (options.trustedCaDer ?? []).map((der) => new X509Certificate(der));
  const reports = candidates.map((candidate) => checkSignature(bytes, candidate, fieldNames, trusted));
  reports.sort((a, b) => rangeEnd(a) - rangeEnd(b));
  const lastEnd = Math.max(...reports.map(rangeEnd));
  reports.forEach((report, i) => {
    report.index = i + 1;
    const end = rangeEnd(report);
    report.coversWholeFile = report.byteRangeSane && end === fileLength;
    report.modifiedAfterSigning = end === fileLength ? 'none' : end < lastEnd ? 'later-signed-revision' : 'appended-unsigned-bytes';
  });
  const allTrusted = trusted.length > 0 && reports.every((report) => report.chainsToTrustedCa);

  const invalid = reports.filter((report) => !report.valid);
  if (invalid.length > 0) {
    const first = invalid[0]!;
    const label = first.fieldName ? `Signature ${first.index} (field "${first.fieldName}")` : `Signature ${first.index}`;
    return {
      verdict: 'invalid',
      reason: `${label} is invalid: ${first.problems[0] ?? 'it does not verify'}.`,
      fileLength,
      signatures: reports,
      allTrusted,
    };
  }
  if (lastEnd < fileLength) {
    const extra = fileLength - lastEnd;
    return {
      verdict: 'valid-but-modified-after-signing',
      reason: `The signatures are intact, but ${extra} byte${extra === 1 ? ' was' : 's were'} added after the last signature; that part is not covered by any signature.`,
      fileLength,
      signatures: reports,
      allTrusted,
    };
  }
  return {
    verdict: 'valid',
    reason:
      reports.length === 1
        ? 'The signature is valid and covers the whole file.'
        : `All ${reports.length} signatures are valid and the last one covers the whole file.`,
    fileLength,
    signatures: reports,
    allTrusted,
  };
}

function rangeEnd(report: SignatureReport): number {
  const range = report.byteRange;
  if (!report.byteRangeSane || !range) return -1;
  return range[2]! + range[3]!;
}

/** Field names by the object number of their signature dictionary; empty when the structure is unreadable. */
function namesOfSignedFields(bytes: Uint8Array): Map<number, string> {
  const names = new Map<number, string>();
  try {
    const file = PdfFile.open(bytes, { requireEndMarker: false });
    for (const field of listFormFields(file)) {
      const value = field.dict.get('V');
      if (field.fieldType === 'Sig' && value instanceof PdfRef) names.set(value.num, field.fullName);
    }
  } catch {
    // Names are a courtesy: a damaged structure leaves signatures unnamed, never unchecked.
  }
  return names;
}

/** Every dictionary in the raw bytes that has /ByteRange and /Contents, parsed where it stands. */
function findSignatureDictionaries(bytes: Uint8Array): Candidate[] {
  const found = new Map<number, Candidate>();
  let at = indexOfAscii(bytes, '/ByteRange', 0);
  while (at >= 0 && found.size < MAX_SIGNATURES) {
    const candidate = enclosingObject(bytes, at);
    if (candidate && !found.has(candidate.objectOffset)) found.set(candidate.objectOffset, candidate);
    at = indexOfAscii(bytes, '/ByteRange', at + 1);
  }
  return [...found.values()];
}

function enclosingObject(bytes: Uint8Array, keyAt: number): Candidate | undefined {
  let search = keyAt;
  const limit = Math.max(0, keyAt - MAX_HEADER_LOOKBACK);
  while (search > limit) {
    const objAt = lastIndexOfAscii(bytes, 'obj', search - 1);
    if (objAt < limit || objAt < 0) return undefined;
    search = objAt;
    if (objAt >= 3 && Buffer.from(bytes.buffer, bytes.byteOffset + objAt - 3, 3).toString('latin1') === 'end') continue;
    const header = headerStart(bytes, objAt);
    if (header < 0) continue;
    try {
      const lexer = new PdfLexer(bytes, header);
      const object = lexer.parseIndirectObject();
      if (lexer.pos < keyAt) return undefined; // the key is not inside this object
      const value = object.value;
      if (!(value instanceof PdfDict) || !value.has('ByteRange') || !value.has('Contents')) return undefined;
      return { objectOffset: header, objectNum: object.num, dict: value };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Start of "N G obj" whose "obj" keyword is at objAt, or -1. */
function headerStart(bytes: Uint8Array, objAt: number): number {
  let pos = objAt - 1;
  const skipSpace = () => {
    while (pos >= 0 && (bytes[pos] === 0x20 || bytes[pos] === 0x0a || bytes[pos] === 0x0d || bytes[pos] === 0x09)) pos--;
  };
  const skipDigits = (): boolean => {
    const end = pos;
    while (pos >= 0 && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39) pos--;
    return pos < end;
  };
  skipSpace();
  if (!skipDigits()) return -1;
  skipSpace();
  if (!skipDigits()) return -1;
  return pos + 1;
}

function checkSignature(
  bytes: Uint8Array,
  candidate: Candidate,
  fieldNames: Map<number, string>,
  trusted: X509Certificate[],
): SignatureReport {
  const { dict: sigDict } = candidate;
  const type = sigDict.nameOf('Type');
  const subFilter = sigDict.nameOf('SubFilter');
  const isDocTimestamp = type === 'DocTimeStamp' || subFilter === 'ETSI.RFC3161';
  const text = (key: string) => {
    const value = sigDict.get(key);
    return value instanceof PdfString ? decodeTextString(value) : undefined;
  };
  const report: SignatureReport = {
    index: 0,
    fieldName: fieldNames.get(candidate.objectNum),
    kind: isDocTimestamp ? 'document-timestamp' : 'signature',
    subFilter,
    signerName: text('Name'),
    reason: text('Reason'),
    location: text('Location'),
    signingTime: text('M'),
    byteRangeSane: false,
    digestIntact: false,
    signatureValid: false,
    coversWholeFile: false,
    modifiedAfterSigning: 'none',
    hasSigningCertificateV2: false,
    hasSigningTimeAttribute: false,
    chainsToTrustedCa: false,
    valid: false,
    problems: [],
  };

  const rangeValue = sigDict.get('ByteRange');
  const contents = sigDict.get('Contents');
  const range = Array.isArray(rangeValue) && rangeValue.every((n) => typeof n === 'number') ? (rangeValue as number[]) : undefined;
  report.byteRange = range;
  if (!range || !(contents instanceof PdfString)) {
    report.problems.push('its /ByteRange or /Contents is not readable');
    return report;
  }
  const [start1, length1, start2, length2] = range;
  const sane =
    range.length === 4 &&
    range.every((n) => Number.isInteger(n) && n >= 0) &&
    start1 === 0 &&
    length1! > 0 &&
    start2! > length1! &&
    start2! + length2! <= bytes.length &&
    contents.encoding === 'hex' &&
    contents.start === length1 &&
    contents.end === start2;
  report.byteRangeSane = sane;
  if (!sane) {
    report.problems.push('its /ByteRange does not exclude exactly its own /Contents, or points outside the file');
    return report;
  }

  const digests = new Map<DigestName, Uint8Array>();
  const digestOf = (algorithm: DigestName): Uint8Array => {
    let digest = digests.get(algorithm);
    if (!digest) {
      digest = createHash(algorithm)
        .update(bytes.subarray(0, length1))
        .update(bytes.subarray(start2!, start2! + length2!))
        .digest();
      digests.set(algorithm, digest);
    }
    return digest;
  };

  if (isDocTimestamp) {
    const check = checkTimestampToken(contents.bytes, digestOf('sha256'));
    report.digestIntact = check.imprintMatches;
    report.signatureValid = check.signatureValid;
    report.timestamp = { time: check.genTime?.toISOString(), valid: check.ok, problem: check.problem };
    if (check.tsaCertificateDer) {
      report.certificate = summarize(check.tsaCertificateDer);
      report.chainsToTrustedCa = chainsTo(check.tsaCertificateDer, [], trusted);
    }
    if (!check.ok) report.problems.push(check.problem ?? 'the document timestamp does not verify');
    report.valid = check.ok;
    return report;
  }

  if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') {
    report.problems.push(`signatures of type ${subFilter ?? 'unknown'} are not supported`);
    return report;
  }
  const cms = checkCmsSignedData(contents.bytes, (algorithm) => digestOf(algorithm));
  report.digestIntact = cms.digestMatches;
  report.signatureValid = cms.signatureValid;
  report.hasSigningCertificateV2 = cms.signedAttributeTypes.includes(OID.signingCertificateV2);
  report.hasSigningTimeAttribute = cms.signedAttributeTypes.includes(OID.signingTime);
  if (cms.signerCertificateDer) {
    report.certificate = summarize(cms.signerCertificateDer);
    report.chainsToTrustedCa = chainsTo(cms.signerCertificateDer, cms.certificatesDer, trusted);
  }
  if (cms.problem) report.problems.push(cms.problem);
  if (cms.signingCertificateV2Matches === false) report.problems.push('its signing-certificate attribute names another certificate');

  let timestampOk = true;
  if (cms.timestampTokenDer && cms.signatureValue) {
    const check = checkTimestampToken(cms.timestampTokenDer, createHash('sha256').update(cms.signatureValue).digest());
    report.timestamp = { time: check.genTime?.toISOString(), valid: check.ok, problem: check.problem };
    timestampOk = check.ok;
    if (!check.ok) report.problems.push(`its timestamp is invalid: ${check.problem ?? 'unknown reason'}`);
  }
  report.valid = cms.digestMatches && cms.signatureValid && cms.signingCertificateV2Matches !== false && timestampOk;
  return report;
}

function summarize(der: Uint8Array): CertificateSummary {
  const certificate = new X509Certificate(der);
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    sha256: createHash('sha256').update(der).digest('hex'),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    isDevelopment: certificate.subject.includes(DEVELOPMENT_MARKER),
  };
}

/** Walks issuer links through the given intermediates to one of the trusted CAs (signatures checked). */
export function chainsTo(leafDer: Uint8Array, intermediatesDer: Uint8Array[], trusted: X509Certificate[]): boolean {
  if (trusted.length === 0) return false;
  const intermediates = intermediatesDer.map((der) => new X509Certificate(der));
  let current = new X509Certificate(leafDer);
  for (let depth = 0; depth < 10; depth++) {
    if (trusted.some((ca) => Buffer.from(ca.raw).equals(Buffer.from(current.raw)))) return true;
    if (trusted.some((ca) => current.checkIssued(ca) && current.verify(ca.publicKey))) return true;
    const issuer = intermediates.find(
      (candidate) => !Buffer.from(candidate.raw).equals(Buffer.from(current.raw)) && current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer) return false;
    current = issuer;
  }
  return false;
}
