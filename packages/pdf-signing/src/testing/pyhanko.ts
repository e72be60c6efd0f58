import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * pyHanko, the reference validator, through its Python API with online fetching off
 * (pyhanko-validate.py). Installed by scripts/install-pyhanko.sh into .tools/pyhanko.
 */

export const PYHANKO_PYTHON = path.resolve(import.meta.dirname, '../../../../.tools/pyhanko/bin/python');
const SCRIPT = path.join(import.meta.dirname, 'pyhanko-validate.py');

export interface PyhankoSignature {
  field: string;
  intact: boolean;
  valid: boolean;
  trusted: boolean;
  coverage: 'ENTIRE_FILE' | 'ENTIRE_REVISION' | 'CONTIGUOUS_BLOCK_FROM_START' | null;
  modification_level: 'NONE' | 'LTA_UPDATES' | 'FORM_FILLING' | 'ANNOTATIONS' | 'OTHER' | null;
  docmdp_ok: boolean | null;
  bottom_line: boolean;
  error: string | null;
}

export interface PyhankoResult {
  signatures: PyhankoSignature[];
  error: string | null;
}

export function requirePyhanko(): void {
  if (!existsSync(PYHANKO_PYTHON)) {
    throw new Error(`pyHanko is not installed at ${PYHANKO_PYTHON}: run scripts/install-pyhanko.sh (scripts/test-all.sh does it before the tests).`);
  }
}

/** Validates every signature of the PDF with pyHanko, trusting exactly the given PEM roots. */
export function runPyhanko(bytes: Uint8Array, trustRootsPem: string[]): PyhankoResult {
  requirePyhanko();
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-pyhanko-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const roots = trustRootsPem.map((pem, i) => {
      const rootFile = path.join(dir, `root-${i}.pem`);
      writeFileSync(rootFile, pem);
      return rootFile;
    });
    const run = spawnSync(PYHANKO_PYTHON, [SCRIPT, file, ...roots], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`pyHanko failed (exit ${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout) as PyhankoResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pyHanko's word that nothing but permitted changes follow a signature. */
export function pyhankoUnmodified(signature: PyhankoSignature): boolean {
  return signature.modification_level === 'NONE' || signature.modification_level === 'LTA_UPDATES' || signature.modification_level === 'FORM_FILLING';
}
