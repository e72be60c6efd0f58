import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyEvidencePackage, verifyPdfFile } from '@/lib/evidence/verify-evidence-package';

/**
 * accord-verify <evidence.zip | file.pdf> [--ca <ca.pem>]
 * Offline: no server, no database. Exit 0 only when everything holds; 1 when something
 * does not; 2 for wrong usage or an unreadable file.
 */
const args = process.argv.slice(2);
const caIndex = args.indexOf('--ca');
const caPem = caIndex >= 0 ? args[caIndex + 1] : undefined;
const target = args.find((arg, index) => !arg.startsWith("--") && (caIndex < 0 || index !== caIndex + 1));
if (!target || (caIndex >= 0 && !caPem)) {
  console.error('Usage: accord-verify <evidence.zip | file.pdf> [--ca <trusted-ca.pem>]');
  process.exit(2);
}
let bytes: Uint8Array;
let trustedCaPem: string | undefined;
try {
  bytes = new Uint8Array(readFileSync(target));
  trustedCaPem = caPem ? readFileSync(caPem, 'utf8') : undefined;
} catch (error) {
  console.error(`accord-verify: cannot read ${(error as NodeJS.ErrnoException).path ?? target}: ${(error as Error).message}`);
  process.exit(2);
}
const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
const result = isZip ? verifyEvidencePackage(bytes, { trustedCaPem }) : verifyPdfFile(path.basename(target), bytes, trustedCaPem);
console.log(result.lines.join('\n'));
process.exit(result.ok ? 0 : 1);
