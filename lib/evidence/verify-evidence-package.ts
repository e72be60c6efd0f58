import { X509Certificate } from 'node:crypto';
import { unzipSync } from 'fflate';
import { verifyChain, type ChainVerdict } from '@/lib/audit/hash-chain';
import { checkDetachedSignature } from '@accord/pdf-signing/sign-detached';
import { chainToAnchor, verifyPdfSignatures, type SignatureReport, type VerificationReport } from '@accord/pdf-signing/verify-pdf-signatures';
import { sha256Hex } from '@/lib/crypto/sha256';

/**
 * Offline check of an evidence package or a single PDF: no server, no database (used by
 * bin/accord-verify). Trust comes only from the anchors the caller passes; a CA that the
 * package carries is reported, never trusted. The result is one versioned JSON shape
 * (REPORT_FORMAT) and a short human table rendered from it.
 */

export const REPORT_FORMAT = 'accord-verify/1';

/** 0 valid; 1 invalid or modified (wins over untrusted); 2 intact but untrusted; 3 unreadable input or usage. */
export type ExitCode = 0 | 1 | 2 | 3;
export type Outcome = 'valid' | 'untrusted' | 'invalid' | 'unreadable';

export interface SignatureSummary {
  index: number;
  field: string | null;
  kind: SignatureReport['kind'];
  /** The signer certificate's subject. */
  signer: string | null;
  /** The /Name the signature dictionary gives (the person, when one platform certificate signs for all). */
  name: string | null;
  issuerChain: string[];
  trusted: boolean;
  claimedSigningTime: string | null;
  timestampTime: string | null;
  integrity: 'intact' | 'broken';
  coverage: 'whole-file' | 'revision' | 'not-covered-after' | 'broken';
  problems: string[];
  changesAfter: { revision: number; kind: string; allowed: boolean; description: string }[];
}

export interface DocumentResult {
  path: string;
  verdict: VerificationReport['verdict'];
  outcome: Outcome;
  reason: string;
  fileLength: number;
  bytesNotCovered: number;
  signatures: SignatureSummary[];
}

export interface CheckLine {
  ok: boolean;
  /** A check that holds but leaves trust open (a manifest signed under an untrusted root). */
  untrusted?: boolean;
  subject: string;
  message: string;
}

export interface VerifyReport {
  format: typeof REPORT_FORMAT;
  input: string;
  kind: 'pdf' | 'evidence-package';
  outcome: Outcome;
  exitCode: ExitCode;
  summary: string;
  trustAnchors: string[];
  documents: DocumentResult[];
  /** Package checks (manifest, files, revisions, audit log, signing events); empty for a single PDF. */
  checks: CheckLine[];
  notes: string[];
}

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export function certificatesFromPem(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
}

const exitOf = (outcome: Outcome): ExitCode => ({ valid: 0, invalid: 1, untrusted: 2, unreadable: 3 })[outcome] as ExitCode;

function worst(outcomes: Outcome[]): Outcome {
  for (const outcome of ['unreadable', 'invalid', 'untrusted'] as const) if (outcomes.includes(outcome)) return outcome;
  return 'valid';
}

function outcomeOfPdf(report: VerificationReport): Outcome {
  if (report.verdict === 'valid') return 'valid';
  if (report.verdict === 'untrusted') return 'untrusted';
  if (report.verdict === 'not-a-pdf') return 'unreadable';
  return 'invalid';
}

function summarise(signature: SignatureReport): SignatureSummary {
  return {
    index: signature.index,
    field: signature.fieldName ?? null,
    kind: signature.kind,
    signer: signature.certificate?.subject.replace(/\n/g, ', ') ?? null,
    name: signature.signerName ?? null,
    issuerChain: signature.issuerChain,
    trusted: signature.chainsToTrustedCa,
    claimedSigningTime: signature.signingTime ?? null,
    timestampTime: signature.timestamp?.time ?? null,
    integrity: signature.valid ? 'intact' : 'broken',
    coverage: !signature.byteRangeSane
      ? 'broken'
      : signature.coversWholeFile
        ? 'whole-file'
        : signature.modifiedAfterSigning === 'appended-unsigned-bytes'
          ? 'not-covered-after'
          : 'revision',
    problems: signature.problems,
    changesAfter: signature.changesAfter.map(({ revision, kind, allowed, description }) => ({ revision, kind, allowed, description })),
  };
}

function checkPdf(path: string, bytes: Uint8Array, trustAnchorsDer: Uint8Array[]): { document: DocumentResult; report: VerificationReport } {
  const report = verifyPdfSignatures(bytes, { trustedCaDer: trustAnchorsDer });
  return {
    report,
    document: {
      path,
      verdict: report.verdict,
      outcome: outcomeOfPdf(report),
      reason: report.reason,
      fileLength: report.fileLength,
      bytesNotCovered: report.bytesNotCovered,
      signatures: report.signatures.map(summarise),
    },
  };
}

function anchorSubjects(trustAnchorsDer: Uint8Array[]): string[] {
  return trustAnchorsDer.map((der) => new X509Certificate(der).subject.replace(/\n/g, ', '));
}

export function verifyPdfFile(name: string, bytes: Uint8Array, trustAnchorsDer: Uint8Array[]): VerifyReport {
  const { document } = checkPdf(name, bytes, trustAnchorsDer);
  const notes = trustAnchorsDer.length === 0 ? ['No trust anchor was given (--trust or ACCORD_TRUST_ANCHORS): no signer can be trusted.'] : [];
  return {
    format: REPORT_FORMAT,
    input: name,
    kind: 'pdf',
    outcome: document.outcome,
    exitCode: exitOf(document.outcome),
    summary: document.reason,
    trustAnchors: anchorSubjects(trustAnchorsDer),
    documents: [document],
    checks: [],
    notes,
  };
}

interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

interface ManifestOriginal {
  path: string;
  documentId: string;
  revisions: { number: number; sha256: string; byteLength: number }[];
}

interface Manifest {
  format?: string;
  title?: string;
  ceremonyId?: string;
  files?: ManifestFile[];
  originals?: ManifestOriginal[];
  auditHeadHash?: string | null;
  developmentCertificate?: boolean;
}

interface AuditEvent {
  kind: string;
  payload: unknown;
}

const MANIFEST_SIGNATURE = 'manifest.json.p7s';

export function verifyEvidencePackage(name: string, zipBytes: Uint8Array, trustAnchorsDer: Uint8Array[]): VerifyReport {
  const checks: CheckLine[] = [];
  const notes: string[] = [];
  const documents: DocumentResult[] = [];
  const pass = (subject: string, message: string) => checks.push({ ok: true, subject, message });
  const fail = (subject: string, message: string) => checks.push({ ok: false, subject, message });
  const result = (outcome: Outcome, summary: string): VerifyReport => ({
    format: REPORT_FORMAT,
    input: name,
    kind: 'evidence-package',
    outcome,
    exitCode: exitOf(outcome),
    summary,
    trustAnchors: anchorSubjects(trustAnchorsDer),
    documents,
    checks,
    notes,
  });

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch (error) {
    return result('unreadable', `Not a readable zip archive (${(error as Error).message}).`);
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) {
    fail('manifest.json', 'missing');
    return result('invalid', 'The package has no manifest.');
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(utf8(manifestBytes)) as Manifest;
  } catch {
    fail('manifest.json', 'not valid JSON');
    return result('invalid', 'The package’s manifest is not valid JSON.');
  }
  if (manifest.developmentCertificate) notes.push('Signed with a development certificate — not for official use.');
  if (trustAnchorsDer.length === 0) notes.push('No trust anchor was given (--trust or ACCORD_TRUST_ANCHORS): no signer can be trusted.');
  if (files['trust/platform-ca.pem']) notes.push('The package carries trust/platform-ca.pem; it is not trusted because the package carries it.');

  // 1. The manifest's own signature, by the platform identity.
  const manifestSignature = files[MANIFEST_SIGNATURE];
  if (!manifestSignature) fail(MANIFEST_SIGNATURE, 'missing: the manifest is not signed');
  else {
    const check = checkDetachedSignature(manifestBytes, manifestSignature);
    if (!check.intact || !check.signerCertificateDer) fail(MANIFEST_SIGNATURE, `the manifest signature does not verify (${check.problem ?? 'unknown reason'})`);
    else {
      const anchors = trustAnchorsDer.map((der) => new X509Certificate(der));
      const chain = chainToAnchor(check.signerCertificateDer, check.certificatesDer, anchors);
      if (chain.trusted) pass(MANIFEST_SIGNATURE, `manifest signed by ${chain.subjects[0]}, chains to a trust anchor`);
      else
        checks.push({
          ok: true,
          untrusted: true,
          subject: MANIFEST_SIGNATURE,
          message: `manifest signature intact, but its signer (${chain.subjects.join(' ← ')}) does not chain to a trust anchor`,
        });
    }
  }

  // 2. Every file against the manifest: missing, changed or extra.
  const listed = new Map((manifest.files ?? []).map((entry) => [entry.path, entry]));
  for (const entry of listed.values()) {
    const bytes = files[entry.path];
    if (!bytes) fail(entry.path, 'listed in the manifest but missing');
    else if (sha256Hex(bytes) !== entry.sha256) fail(entry.path, 'SHA-256 differs from the manifest (the file was changed)');
    else pass(entry.path, 'SHA-256 matches the manifest');
  }
  for (const path of Object.keys(files)) {
    if (path !== 'manifest.json' && path !== MANIFEST_SIGNATURE && !listed.has(path)) fail(path, 'not listed in the manifest (an extra file)');
  }

  // 3. The audit log's hash chain.
  let events: AuditEvent[] = [];
  const log = files['audit-log.json'];
  if (!log) fail('audit-log.json', 'missing');
  else {
    let verdict: ChainVerdict;
    try {
      events = JSON.parse(utf8(log)) as AuditEvent[];
      verdict = verifyChain(events as unknown as Parameters<typeof verifyChain>[0]);
    } catch {
      verdict = { intact: false, length: 0, brokenEventId: '?', brokenSeq: 0, reason: 'audit-log.json is not valid JSON' };
    }
    if (!verdict.intact) fail('audit log', verdict.reason);
    else if (manifest.auditHeadHash && verdict.headHash !== manifest.auditHeadHash) fail('audit log', 'its head does not match the manifest');
    else pass('audit log', `${verdict.length} events, hash chain intact (head ${verdict.headHash.slice(0, 16)}…)`);
  }

  // 4. Each PDF: signatures, changes, trust; originals also revisions and signing events.
  const originals = new Map((manifest.originals ?? []).map((original) => [original.path, original]));
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.endsWith('.pdf') || !(path.startsWith('originals/') || path === 'certificate-of-completion.pdf')) continue;
    const { document, report } = checkPdf(path, bytes, trustAnchorsDer);
    documents.push(document);
    const original = originals.get(path);
    if (path.startsWith('originals/')) {
      if (!original) fail(path, 'the manifest does not describe this original’s revisions');
      else {
        checkRevisions(path, bytes, original, pass, fail);
        checkSigningEvents(path, bytes, original, report, events, pass, fail);
      }
    }
  }
  for (const path of originals.keys()) if (!files[path]) fail(path, 'an original the manifest describes is missing');

  const outcomes: Outcome[] = documents.map((document) => document.outcome);
  if (checks.some((check) => !check.ok)) outcomes.push('invalid');
  if (checks.some((check) => check.untrusted)) outcomes.push('untrusted');
  const outcome = worst(outcomes);
  const summary = {
    valid: 'Everything holds: the manifest and every PDF are signed under a trust anchor, every file matches, and no disallowed change follows any signature.',
    untrusted: 'Everything is intact and unmodified, but the signers do not chain to a trust anchor you gave.',
    invalid: 'The package does NOT hold (see the FAIL lines).',
    unreadable: 'The package could not be read.',
  }[outcome];
  return result(outcome, summary);
}

function checkRevisions(
  path: string,
  bytes: Uint8Array,
  original: ManifestOriginal,
  pass: (s: string, m: string) => void,
  fail: (s: string, m: string) => void,
): void {
  const revisions = original.revisions ?? [];
  if (revisions.length === 0) return fail(path, 'the manifest lists no revisions');
  let previous = 0;
  let previousNumber = -1;
  for (const revision of revisions) {
    if (revision.number <= previousNumber || revision.byteLength <= previous) {
      return fail(path, `revision ${revision.number} is out of order: each revision must extend the one before it`);
    }
    if (revision.byteLength > bytes.length || sha256Hex(bytes.subarray(0, revision.byteLength)) !== revision.sha256) {
      return fail(path, `revision ${revision.number} is not a byte-identical prefix of the sealed original`);
    }
    previous = revision.byteLength;
    previousNumber = revision.number;
  }
  if (previous !== bytes.length) return fail(path, 'the last revision the manifest lists is not the whole file');
  pass(path, `${revisions.length} revisions in order, each a byte-identical prefix of the next`);
}

function payloadOf(event: AuditEvent): Record<string, unknown> {
  if (typeof event.payload === 'string') {
    try {
      return JSON.parse(event.payload) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return (event.payload ?? {}) as Record<string, unknown>;
}

/** Every signature in the original has its signing event (same field, signer, revision hash), and every event its signature. */
function checkSigningEvents(
  path: string,
  bytes: Uint8Array,
  original: ManifestOriginal,
  report: VerificationReport,
  events: AuditEvent[],
  pass: (s: string, m: string) => void,
  fail: (s: string, m: string) => void,
): void {
  const endOf = (signature: SignatureReport) => (signature.byteRange ? signature.byteRange[2]! + signature.byteRange[3]! : -1);
  const matched = new Set<number>();
  let problems = 0;
  const signedEvents = events.filter((event) => event.kind === 'document.signed' && payloadOf(event).documentId === original.documentId);
  for (const event of signedEvents) {
    const payload = payloadOf(event);
    const fields = Array.isArray(payload.fields) ? (payload.fields as string[]) : [];
    const signatures = fields.map((field) => report.signatures.find((signature) => signature.fieldName === field));
    const missing = fields.filter((_, i) => !signatures[i]);
    if (missing.length > 0) {
      fail(path, `the audit log records a signature by ${String(payload.signer)} in ${missing.map((f) => `"${f}"`).join(', ')}, which the PDF lacks`);
      problems++;
      continue;
    }
    const found = signatures as SignatureReport[];
    for (const signature of found) matched.add(signature.index);
    const end = Math.max(...found.map(endOf));
    const wrongSigner = found.find((signature) => signature.signerName !== payload.signer);
    if (wrongSigner) {
      fail(
        path,
        `signature ${wrongSigner.index} ("${wrongSigner.fieldName}") names ${wrongSigner.signerName ?? 'nobody'}, the audit log ${String(payload.signer)}`,
      );
      problems++;
    } else if (end <= 0 || sha256Hex(bytes.subarray(0, end)) !== payload.sha256) {
      fail(path, `the revision signed in ${fields.map((f) => `"${f}"`).join(', ')} does not have the hash the audit log recorded`);
      problems++;
    }
  }
  const sealedEvents = events.filter((event) => event.kind === 'ceremony.concluded');
  const sealEntry = sealedEvents
    .flatMap((event) => (Array.isArray(payloadOf(event).sealed) ? (payloadOf(event).sealed as { documentId?: string; sha256?: string }[]) : []))
    .find((entry) => entry.documentId === original.documentId);
  const last = report.signatures.at(-1);
  if (sealEntry && last && !matched.has(last.index)) {
    if (sealEntry.sha256 === sha256Hex(bytes) && last.coversWholeFile) matched.add(last.index);
    else {
      fail(path, 'the closing seal does not match the sealed hash in the audit log');
      problems++;
    }
  }
  for (const signature of report.signatures) {
    if (!matched.has(signature.index)) {
      fail(path, `signature ${signature.index}${signature.fieldName ? ` ("${signature.fieldName}")` : ''} has no signing event in the audit log`);
      problems++;
    }
  }
  if (problems === 0) pass(path, `every signature has its signing event in the audit log (${signedEvents.length} events${sealEntry ? ' + the seal' : ''})`);
}

/** The human form: a short table per document, then the package checks. */
export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  const mark = (outcome: Outcome) => ({ valid: 'OK   ', untrusted: 'UNTR ', invalid: 'FAIL ', unreadable: 'FAIL ' })[outcome];
  lines.push(`accord-verify ${report.input}: ${report.outcome.toUpperCase()} (exit ${report.exitCode})`);
  lines.push(`  ${report.summary}`);
  lines.push(`  trust anchors: ${report.trustAnchors.length > 0 ? report.trustAnchors.join('; ') : 'none'}`);
  for (const note of report.notes) lines.push(`  NOTE ${note}`);
  for (const document of report.documents) {
    lines.push('');
    lines.push(`${mark(document.outcome)}${document.path}: ${document.verdict} — ${document.reason}`);
    if (document.signatures.length === 0) continue;
    lines.push('   #  field                      signer                         integrity coverage    trusted changes after');
    for (const signature of document.signatures) {
      const disallowed = signature.changesAfter.filter((change) => !change.allowed);
      const allowedCount = signature.changesAfter.length - disallowed.length;
      const cn = signature.name ?? /CN=([^,]+)/.exec(signature.signer ?? '')?.[1] ?? signature.signer ?? '?';
      lines.push(
        `  ${String(signature.index).padStart(2)}  ${(signature.field ?? '(no field)').slice(0, 26).padEnd(26)} ${cn.slice(0, 30).padEnd(30)} ${signature.integrity.padEnd(9)} ${signature.coverage.padEnd(11)} ${(signature.trusted ? 'yes' : 'no').padEnd(7)} ${disallowed.length > 0 ? `${disallowed.length} DISALLOWED` : allowedCount > 0 ? `${allowedCount} allowed` : 'none'}`,
      );
      if (signature.issuerChain.length > 0) lines.push(`      certificate: ${signature.issuerChain.join(' ← ')}`);
      const times = [
        signature.claimedSigningTime ? `claimed ${signature.claimedSigningTime}` : '',
        signature.timestampTime ? `timestamp ${signature.timestampTime}` : '',
      ].filter(Boolean);
      if (times.length > 0) lines.push(`      time: ${times.join(', ')}`);
      for (const problem of signature.problems) lines.push(`      problem: ${problem}`);
      for (const change of disallowed) lines.push(`      DISALLOWED (revision ${change.revision}): ${change.description}`);
    }
  }
  if (report.checks.length > 0) {
    lines.push('');
    for (const check of report.checks) lines.push(`${check.ok ? (check.untrusted ? 'UNTR ' : 'OK   ') : 'FAIL '}${check.subject}: ${check.message}`);
  }
  lines.push('');
  lines.push(`RESULT ${report.outcome}: ${report.summary}`);
  return lines.join('\n');
}
