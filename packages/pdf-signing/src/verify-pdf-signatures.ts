import { createHash, X509Certificate } from 'node:crypto';

import { analyseIncrement, revisionEnds, type RevisionChange } from './analyse-increment';
import { checkCmsSignedData } from './check-cms-signed-data';
import { OID, type DigestName } from './cms-oids';
import { DEVELOPMENT_MARKER } from './create-development-certificate';
import { listFormFields } from './find-form-fields';
import { indexOfAscii, lastIndexOfAscii, PdfLexer } from './parse-pdf-object';
import { decodeTextString, PdfDict, PdfRef, PdfString } from './pdf-objects';
import { hasPdfHeader, PdfFile } from './read-pdf-file';
import { checkTimestampToken } from './request-timestamp';
import { sha256 } from './sha256';

/**
 * Verifies every signature in a PDF from its bytes. Signature dictionaries are found
 * by scanning the raw bytes for /ByteRange (so a signature cannot hide from the check
 * by being left out of the form), each dictionary is parsed where it stands, and the
 * checks use only what a signature actually commits to: its byte ranges, the gap
 * being exactly its own /Contents string, and the CMS inside. Then every update made
 * after each signature is analysed object by object (analyse-increment.ts), and trust
 * comes only from the anchors the caller passes, never from the file.
 *
 * Verdict = integrity ∧ coverage ∧ no disallowed change ∧ trust, in that order of
 * precedence: invalid, then modified (a disallowed change), then
 * valid-but-modified-after-signing (bytes no signature covers), then untrusted.
 */

/** A signature's checks before any of them passed (fresh arrays each time: reports fill them). */
function nothingCheckedYet() {
  return {
    byteRangeSane: false,
    digestIntact: false,
    signatureValid: false,
    coversWholeFile: false,
    modifiedAfterSigning: 'none' as const,
    hasSigningCertificateV2: false,
    hasSigningTimeAttribute: false,
    chainsToTrustedCa: false,
    issuerChain: [] as string[],
    valid: false,
    changesAfter: [] as ChangeAfterSignature[],
    unmodified: true,
  };
}

export type Verdict = 'valid' | 'untrusted' | 'modified' | 'valid-but-modified-after-signing' | 'invalid' | 'not-signed' | 'not-a-pdf';

/** A change made by a later update, with the revision (0-based, by cross-reference section) it was made in. */
export interface ChangeAfterSignature extends RevisionChange {
  revision: number;
}

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
  /** The signer certificate chains (through certificates in the signature) to one of the caller's trust anchors. */
  chainsToTrustedCa: boolean;
  /** Subjects from the signer certificate up to the anchor (or as far as the signature's certificates go). */
  issuerChain: string[];
  timestamp?: { time?: string; valid: boolean; problem?: string };
  /** Integrity: byte range, digest and CMS signature (and its timestamp) hold. */
  valid: boolean;
  /** Every change made in updates after this signature (allowed and disallowed). */
  changesAfter: ChangeAfterSignature[];
  /** No disallowed change after this signature. */
  unmodified: boolean;
  problems: string[];
}

export interface VerificationReport {
  verdict: Verdict;
  /** Plain words, for people. */
  reason: string;
  fileLength: number;
  signatures: SignatureReport[];
  /** Every signature chains to one of the trust anchors (false when none were given). */
  allTrusted: boolean;
  /** End offset of each revision (cross-reference section), ascending. */
  revisionEnds: number[];
  /** Bytes after the end of the last signature's range. */
  bytesNotCovered: number;
  /** The disallowed changes, each once (a change after two signatures is listed once here). */
  disallowedChanges: ChangeAfterSignature[];
}

export interface VerifyPdfSignaturesOptions {
  /** DER certificates of the trust anchors the verifier's user chose; nothing in the file is trusted. */
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
  const base = { fileLength, signatures: [] as SignatureReport[], allTrusted: false, revisionEnds: [], bytesNotCovered: 0, disallowedChanges: [] };
  if (!hasPdfHeader(bytes)) return { ...base, verdict: 'not-a-pdf', reason: 'This file is not a PDF.' };

  const structure = openStructure(bytes);
  const fieldNames = namesOfSignedFields(structure);
  const candidates = findSignatureDictionaries(bytes);
  const unsignedValues = signatureValuesWithoutRange(structure, candidates);
  if (candidates.length === 0 && unsignedValues.length === 0) return { ...base, verdict: 'not-signed', reason: 'This PDF contains no signatures.' };

  const trusted = (options.trustedCaDer ?? []).map((der) => new X509Certificate(der));
  const reports = candidates.map((candidate) => checkSignature(bytes, candidate, fieldNames, trusted));
  reports.push(...unsignedValues.map((fieldName) => unsignedSignatureReport(fieldName)));
  reports.sort((a, b) => rangeEnd(a) - rangeEnd(b));
  const lastEnd = Math.max(...reports.map(rangeEnd));
  reports.forEach((report, i) => {
    report.index = i + 1;
    const end = rangeEnd(report);
    report.coversWholeFile = report.byteRangeSane && end === fileLength;
    report.modifiedAfterSigning = end === fileLength ? 'none' : end < lastEnd ? 'later-signed-revision' : 'appended-unsigned-bytes';
  });
  const ends = structure && !structure.recovered ? revisionEnds(structure) : [];
  const disallowedChanges = analyseChangesAfterSignatures(bytes, reports, ends);
  const allTrusted = trusted.length > 0 && reports.every((report) => report.chainsToTrustedCa);
  const bytesNotCovered = lastEnd > 0 ? Math.max(0, fileLength - lastEnd) : 0;
  const result = { fileLength, signatures: reports, allTrusted, revisionEnds: ends, bytesNotCovered, disallowedChanges };

  const invalid = reports.filter((report) => !report.valid);
  if (invalid.length > 0) {
    const first = invalid[0]!;
    return { ...result, verdict: 'invalid', reason: `${labelOf(first)} is invalid: ${first.problems[0] ?? 'it does not verify'}.` };
  }
  if (disallowedChanges.length > 0) {
    const first = disallowedChanges[0]!;
    const affected = reports.filter((report) => !report.unmodified);
    return {
      ...result,
      verdict: 'modified',
      reason: `The document was changed after ${affected.length === 1 ? labelOf(affected[0]!).toLowerCase() : `${affected.length} of its signatures`} in a way a signed document may not be: ${first.description}${disallowedChanges.length > 1 ? ` (and ${disallowedChanges.length - 1} more change${disallowedChanges.length === 2 ? '' : 's'})` : ''}`,
    };
  }
  if (lastEnd < fileLength) {
    const extra = fileLength - lastEnd;
    return {
      ...result,
      verdict: 'valid-but-modified-after-signing',
      reason: `The signatures are intact, but ${extra} byte${extra === 1 ? ' was' : 's were'} added after the last signature; that part is not covered by any signature.`,
    };
  }
  const intact =
    reports.length === 1
      ? 'The signature is intact and covers the whole file'
      : `All ${reports.length} signatures are intact, only permitted changes follow them, and the last one covers the whole file`;
  if (!allTrusted) {
    const untrusted = reports.filter((report) => !report.chainsToTrustedCa);
    return {
      ...result,
      verdict: 'untrusted',
      reason: `${intact}, but ${trusted.length === 0 ? 'no trust anchor was given, so no signer is trusted' : `${untrusted.length === reports.length ? 'no signer' : `${labelOf(untrusted[0]!).toLowerCase()}`} does not chain to a trust anchor`}.`,
    };
  }
  return { ...result, verdict: 'valid', reason: `${intact}, and every signer chains to a trust anchor.` };
}

function labelOf(report: SignatureReport): string {
  return report.fieldName ? `Signature ${report.index} (field "${report.fieldName}")` : `Signature ${report.index}`;
}

function openStructure(bytes: Uint8Array): PdfFile | undefined {
  try {
    return PdfFile.open(bytes, { requireEndMarker: false });
  } catch {
    return undefined;
  }
}

/**
 * Each update after the first signature is analysed once; every signature then lists
 * the changes of the updates after its own revision. Returns the disallowed ones, each once.
 */
function analyseChangesAfterSignatures(bytes: Uint8Array, reports: SignatureReport[], ends: number[]): ChangeAfterSignature[] {
  const signedEnds = reports.filter((report) => report.byteRangeSane).map(rangeEnd);
  for (const report of reports) {
    report.changesAfter = [];
    report.unmodified = true;
  }
  if (signedEnds.length === 0) return [];
  const firstEnd = Math.min(...signedEnds);
  const increments: ChangeAfterSignature[][] = [];
  for (let k = 1; k < ends.length; k++) {
    if (ends[k - 1]! < firstEnd) continue;
    const analysis = analyseIncrement(bytes.subarray(0, ends[k - 1]), bytes.subarray(0, ends[k]), { prefixKnown: true });
    increments[k] = analysis.changes.map((change) => ({ ...change, revision: k }));
  }
  const disallowed: ChangeAfterSignature[] = [];
  for (const report of reports) {
    if (!report.byteRangeSane) continue;
    const end = rangeEnd(report);
    const revision = ends.indexOf(end);
    if (ends.length === 0 && end < Math.max(...signedEnds)) {
      // A damaged cross-reference chain must not hide what later updates changed.
      const change: ChangeAfterSignature = {
        kind: 'unreadable-update',
        allowed: false,
        revision: 0,
        description: 'The cross-reference structure is damaged, so what was changed after this signature cannot be established.',
        fieldName: report.fieldName,
      };
      report.changesAfter.push(change);
      report.unmodified = false;
      disallowed.push(change);
      continue;
    }
    if (ends.length > 0 && revision < 0) {
      const change: ChangeAfterSignature = {
        kind: 'signature-not-at-revision-end',
        allowed: false,
        revision: ends.findIndex((e) => e > end),
        description: `${labelOf(report)} does not end where a revision ends: it signs part of an update.`,
        fieldName: report.fieldName,
      };
      report.changesAfter.push(change);
      disallowed.push(change);
    }
    for (let k = Math.max(revision, 0) + 1; k < ends.length; k++) report.changesAfter.push(...(increments[k] ?? []));
    report.unmodified = report.changesAfter.every((change) => change.allowed);
  }
  for (const changes of increments) for (const change of changes ?? []) if (!change.allowed) disallowed.push(change);
  return disallowed;
}

function rangeEnd(report: SignatureReport): number {
  const range = report.byteRange;
  if (!report.byteRangeSane || !range) return -1;
  return range[2]! + range[3]!;
}

/** Signature fields whose /V is a dictionary with no byte range to check (a universal signature forgery). */
function signatureValuesWithoutRange(file: PdfFile | undefined, candidates: Candidate[]): string[] {
  if (!file) return [];
  const found: string[] = [];
  try {
    for (const field of listFormFields(file)) {
      const value = field.dict.get('V');
      if (field.fieldType !== 'Sig' || !(value instanceof PdfRef)) continue;
      if (candidates.some((candidate) => candidate.objectNum === value.num)) continue;
      if (file.resolveDict(value)) found.push(field.fullName);
    }
  } catch {
    // An unreadable form leaves nothing to name here; the raw scan still checks every /ByteRange.
  }
  return found;
}

function unsignedSignatureReport(fieldName: string): SignatureReport {
  return {
    index: 0,
    fieldName,
    kind: 'signature',
    ...nothingCheckedYet(),
    problems: ['its signature dictionary has no /ByteRange or /Contents to check, so it signs nothing (an unsigned signature value)'],
  };
}

/** Field names by the object number of their signature dictionary; empty when the structure is unreadable. */
function namesOfSignedFields(file: PdfFile | undefined): Map<number, string> {
  const names = new Map<number, string>();
  if (!file) return names;
  try {
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

function checkSignature(bytes: Uint8Array, candidate: Candidate, fieldNames: Map<number, string>, trusted: X509Certificate[]): SignatureReport {
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
    ...nothingCheckedYet(),
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
    report.problems.push('its /ByteRange does not exclude exactly its own /Contents, or points outside the file (signature wrapping)');
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
      const chain = chainToAnchor(check.tsaCertificateDer, [], trusted);
      report.issuerChain = chain.subjects;
      report.chainsToTrustedCa = chain.trusted;
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
    const chain = chainToAnchor(cms.signerCertificateDer, cms.certificatesDer, trusted);
    report.issuerChain = chain.subjects;
    report.chainsToTrustedCa = chain.trusted;
  }
  if (cms.problem) report.problems.push(cms.problem);
  if (cms.signingCertificateV2Matches === false) report.problems.push('its signing-certificate attribute names another certificate');

  let timestampOk = true;
  if (cms.timestampTokenDer && cms.signatureValue) {
    const check = checkTimestampToken(cms.timestampTokenDer, sha256(cms.signatureValue));
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
    sha256: sha256(der).toString('hex'),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    isDevelopment: certificate.subject.includes(DEVELOPMENT_MARKER),
  };
}

/**
 * Walks issuer links (signatures checked) through the given intermediates to one of the
 * anchors. A certificate the file carries is never an anchor, however it is named.
 */
export function chainToAnchor(leafDer: Uint8Array, intermediatesDer: Uint8Array[], anchors: X509Certificate[]): { trusted: boolean; subjects: string[] } {
  const intermediates = intermediatesDer.map((der) => new X509Certificate(der));
  let current = new X509Certificate(leafDer);
  const subjects = [oneLine(current.subject)];
  for (let depth = 0; depth < 10; depth++) {
    if (anchors.some((ca) => Buffer.from(ca.raw).equals(Buffer.from(current.raw)))) return { trusted: true, subjects };
    const anchor = anchors.find((ca) => current.checkIssued(ca) && current.verify(ca.publicKey));
    if (anchor) return { trusted: true, subjects: [...subjects, oneLine(anchor.subject)] };
    const issuer = intermediates.find(
      (candidate) => !Buffer.from(candidate.raw).equals(Buffer.from(current.raw)) && current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer) return { trusted: false, subjects };
    current = issuer;
    subjects.push(oneLine(current.subject));
  }
  return { trusted: false, subjects };
}

export function chainsTo(leafDer: Uint8Array, intermediatesDer: Uint8Array[], anchors: X509Certificate[]): boolean {
  return chainToAnchor(leafDer, intermediatesDer, anchors).trusted;
}

const oneLine = (subject: string) => subject.replace(/\n/g, ', ');
