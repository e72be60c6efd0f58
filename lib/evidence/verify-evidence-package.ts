import { createHash, X509Certificate } from 'node:crypto';
import { unzipSync } from 'fflate';
import { verifyChain, type ChainVerdict } from '@/lib/audit/hash-chain';
import { verifyPdfSignatures, type VerificationReport } from '@/lib/signing/pdf/verify-pdf-signatures';

/**
 * Offline check of an evidence package or a single PDF: no server, no database (used by
 * bin/accord-verify). Pure apart from its inputs; every problem is said in plain words.
 */
export interface EvidenceCheck {
  ok: boolean;
  lines: string[];
}

interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function trustFromPem(pem: string | undefined): Uint8Array[] {
  if (!pem) return [];
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
}

export function describePdfReport(name: string, report: VerificationReport): { ok: boolean; lines: string[] } {
  const lines = [`${report.verdict === 'valid' ? 'OK  ' : 'FAIL'} ${name}: ${report.verdict} — ${report.reason}`];
  for (const signature of report.signatures) {
    const who = signature.signerName ?? signature.certificate?.subject ?? 'unknown signer';
    const state = signature.valid ? 'intact' : `BROKEN (${signature.problems.join('; ')})`;
    lines.push(`       #${signature.index} ${signature.fieldName ?? ''} by ${who}: ${state}${signature.coversWholeFile ? ', covers the whole file' : ''}${signature.chainsToTrustedCa ? ', chains to the trusted CA' : ''}`);
  }
  return { ok: report.verdict === 'valid', lines };
}

export function verifyPdfFile(name: string, bytes: Uint8Array, trustedCaPem?: string): EvidenceCheck {
  const report = verifyPdfSignatures(bytes, { trustedCaDer: trustFromPem(trustedCaPem) });
  return describePdfReport(name, report);
}

export function verifyEvidencePackage(zipBytes: Uint8Array, options: { trustedCaPem?: string } = {}): EvidenceCheck {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string) => {
    ok = false;
    lines.push(`FAIL ${line}`);
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch (error) {
    return { ok: false, lines: [`FAIL not a readable zip archive (${(error as Error).message})`] };
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) return { ok: false, lines: ['FAIL manifest.json is missing'] };
  let manifest: { title?: string; ceremonyId?: string; files?: ManifestFile[]; auditHeadHash?: string | null; developmentCertificate?: boolean };
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch {
    return { ok: false, lines: ['FAIL manifest.json is not valid JSON'] };
  }
  lines.push(`Evidence package of "${manifest.title ?? '?'}" (${manifest.ceremonyId ?? '?'})`);
  if (manifest.developmentCertificate) lines.push('NOTE signed with a development certificate — not for official use');

  for (const entry of manifest.files ?? []) {
    const bytes = files[entry.path];
    if (!bytes) fail(`${entry.path}: listed in the manifest but missing`);
    else if (sha256(bytes) !== entry.sha256) fail(`${entry.path}: SHA-256 differs from the manifest (the file was changed)`);
    else lines.push(`OK   ${entry.path}: SHA-256 matches the manifest`);
  }
  for (const path of Object.keys(files)) {
    if (path !== 'manifest.json' && !(manifest.files ?? []).some((entry) => entry.path === path)) fail(`${path}: not listed in the manifest`);
  }

  const trustedCaPem = options.trustedCaPem ?? (files['trust/platform-ca.pem'] ? new TextDecoder().decode(files['trust/platform-ca.pem']) : undefined);
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.startsWith('originals/') || !path.endsWith('.pdf')) continue;
    const check = verifyPdfFile(path, bytes, trustedCaPem);
    if (!check.ok) ok = false;
    lines.push(...check.lines);
  }

  const log = files['audit-log.json'];
  if (!log) fail('audit-log.json is missing');
  else {
    let verdict: ChainVerdict;
    try {
      verdict = verifyChain(JSON.parse(new TextDecoder().decode(log)));
    } catch {
      verdict = { intact: false, length: 0, brokenEventId: '?', brokenSeq: 0, reason: 'audit-log.json is not valid JSON' };
    }
    if (!verdict.intact) fail(`audit log: ${verdict.reason}`);
    else if (manifest.auditHeadHash && verdict.headHash !== manifest.auditHeadHash) fail('audit log: its head does not match the manifest');
    else lines.push(`OK   audit log: ${verdict.length} events, hash chain intact (head ${verdict.headHash.slice(0, 16)}…)`);
  }
  lines.push(ok ? 'RESULT everything holds' : 'RESULT the package does NOT hold (see FAIL lines)');
  return { ok, lines };
}
