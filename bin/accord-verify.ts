import { readFileSync } from 'node:fs';
import path from 'node:path';
import { certificatesFromPem, formatReport, verifyEvidencePackage, verifyPdfFile } from '@/lib/evidence/verify-evidence-package';

const USAGE = `Usage: accord-verify [--trust <root.pem>]… [--json] <evidence.zip | file.pdf>

Checks offline, with no server and no database: every signature's integrity and byte
range coverage, every change made after each signature, and trust. Only the roots you
name are trusted (--trust, repeatable, or ACCORD_TRUST_ANCHORS=<PEM bundle path>); a CA
that the file or package carries is never trusted.

  --trust <root.pem>   a trust anchor (PEM, may hold several certificates)
  --json               print the whole report as JSON (format "accord-verify/1")
  --help               this text

Exit codes:
  0  every signature intact, trusted, and no disallowed change
  1  something is invalid or modified (wins over untrusted)
  2  intact and unmodified, but a signer does not chain to a trust anchor
  3  unreadable input or usage error`;

function usageError(message: string): never {
  console.error(`accord-verify: ${message}\n\n${USAGE}`);
  process.exit(3);
}

const args = process.argv.slice(2);
const trustFiles: string[] = [];
let json = false;
let target: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (arg === '--json') json = true;
  else if (arg === '--trust') {
    const file = args[++i];
    if (!file) usageError('--trust needs a PEM file');
    trustFiles.push(file);
  } else if (arg.startsWith('--trust=')) trustFiles.push(arg.slice('--trust='.length));
  else if (arg.startsWith('-')) usageError(`unknown option ${arg}${arg === '--ca' ? ' (--ca was replaced by --trust)' : ''}`);
  else if (target) usageError('give exactly one file to verify');
  else target = arg;
}
if (!target) usageError('no file to verify');
// A standalone offline tool: it reads its one setting here rather than through the app's lib/env.ts.
const bundle = process.env.ACCORD_TRUST_ANCHORS;
if (bundle) trustFiles.push(bundle);

let bytes: Uint8Array;
const anchors: Uint8Array[] = [];
try {
  bytes = new Uint8Array(readFileSync(target));
  for (const file of trustFiles) {
    const found = certificatesFromPem(readFileSync(file, 'utf8'));
    if (found.length === 0) usageError(`${file} holds no PEM certificate`);
    anchors.push(...found);
  }
} catch (error) {
  console.error(`accord-verify: cannot read ${(error as NodeJS.ErrnoException).path ?? target}: ${(error as Error).message}`);
  process.exit(3);
}
const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
const report = isZip ? verifyEvidencePackage(path.basename(target), bytes, anchors) : verifyPdfFile(path.basename(target), bytes, anchors);
console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
process.exit(report.exitCode);
