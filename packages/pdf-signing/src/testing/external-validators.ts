import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs the Debian validators the evidence rules name (poppler's pdfsig, qpdf --check,
 * pdftotext) on PDF bytes. Test-only: they shell out and write temp files.
 */

export interface PdfsigSignature {
  fieldName?: string;
  signerName?: string;
  subFilter?: string;
  validation?: string;
  totalDocumentSigned: boolean;
  /** A prepared field not filled yet ("The signature form field is not signed."). */
  unsigned: boolean;
}

export interface PdfsigResult {
  exitCode: number;
  output: string;
  signatures: PdfsigSignature[];
}

function withTempFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-pdf-'));
  const file = path.join(dir, 'document.pdf');
  try {
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runPdfsig(bytes: Uint8Array): PdfsigResult {
  return withTempFile(bytes, (file) => {
    // -nocert: the development CA is not in NSS's trust store; only integrity is judged here.
    const result = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const signatures: PdfsigSignature[] = [];
    let current: PdfsigSignature | undefined;
    for (const line of output.split('\n')) {
      if (/^Signature #\d+:/.test(line)) {
        current = { totalDocumentSigned: false, unsigned: false };
        signatures.push(current);
        continue;
      }
      if (!current) continue;
      const value = (prefix: string) => (line.trim().startsWith(prefix) ? line.trim().slice(prefix.length).trim() : undefined);
      current.fieldName ??= value('- Signature Field Name:');
      current.signerName ??= value('- Signer Certificate Common Name:');
      current.subFilter ??= value('- Signature Type:');
      current.validation ??= value('- Signature Validation:');
      if (line.includes('Total document signed')) current.totalDocumentSigned = true;
      if (line.includes('The signature form field is not signed')) current.unsigned = true;
    }
    return { exitCode: result.status ?? -1, output, signatures };
  });
}

export function runQpdfCheck(bytes: Uint8Array): { exitCode: number; output: string } {
  return withTempFile(bytes, (file) => {
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { exitCode: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  });
}

export function runPdftotext(bytes: Uint8Array, options: { firstPage?: number; lastPage?: number } = {}): string {
  return withTempFile(bytes, (file) => {
    const args = ['-enc', 'UTF-8'];
    if (options.firstPage) args.push('-f', String(options.firstPage));
    if (options.lastPage) args.push('-l', String(options.lastPage));
    const result = spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout;
  });
}

/** Renders one page to a PNG file (for looking at appearances) and returns its path. */
export function renderPage(bytes: Uint8Array, page: number, outputPrefix: string, dpi = 60): string {
  writeFileSync(`${outputPrefix}.pdf`, bytes);
  const result = spawnSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', `${outputPrefix}.pdf`, outputPrefix],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  return `${outputPrefix}.png`;
}

/**
 * Asserts the evidence rule: every signature valid in pdfsig and the last one "Total
 * document signed". Prepared fields not filled yet are listed by pdfsig as "not
 * signed"; they are not signatures and are left out (signatures lists only signed ones).
 */
export function expectPdfsigAllValid(bytes: Uint8Array, expectedCount: number, options: { unsignedFields?: number } = {}): PdfsigResult {
  const result = runPdfsig(bytes);
  const signed = result.signatures.filter((signature) => !signature.unsigned);
  const unsigned = result.signatures.length - signed.length;
  const problems: string[] = [];
  if (signed.length !== expectedCount) problems.push(`pdfsig found ${signed.length} signatures, expected ${expectedCount}`);
  if (options.unsignedFields !== undefined && unsigned !== options.unsignedFields) {
    problems.push(`pdfsig found ${unsigned} unsigned fields, expected ${options.unsignedFields}`);
  }
  signed.forEach((signature, i) => {
    if (signature.validation !== 'Signature is Valid.') problems.push(`signature ${i + 1}: ${signature.validation ?? 'no validation line'}`);
  });
  // pdfsig lists in form order; exactly one signature — the newest — covers the whole file.
  const totals = signed.filter((signature) => signature.totalDocumentSigned).length;
  if (expectedCount > 0 && totals !== 1) problems.push(`${totals} signatures cover the total document, expected exactly 1`);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n--- pdfsig output ---\n${result.output}`);
  return { ...result, signatures: signed };
}

export function expectQpdfClean(bytes: Uint8Array): void {
  const result = runQpdfCheck(bytes);
  if (result.exitCode !== 0) throw new Error(`qpdf --check exited ${result.exitCode}\n${result.output}`);
}
