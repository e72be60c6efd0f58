/**
 * Signing budgets P1–P3 (docs/architecture.md, "Performance budgets"), each a ratio against a reference measured in
 * the same run. Run: npx tsx bench/signing.ts. Always exits 0; the lines carry the verdict.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { median, printBudget } from './lib/budget';
import { assertOnlyAllowedChanges } from '@accord/pdf-signing/analyse-increment';
import { prepareSigningFields, type FieldPlanEntry } from '@accord/pdf-signing/prepare-signing-fields';
import { signPreparedField, type SignPreparedFieldOptions } from '@accord/pdf-signing/sign-prepared-fields';
import { appearanceFor, imageHeavyPdf, testIdentity } from '@accord/pdf-signing/testing/fixtures';
import { sha256Bytes } from '@/lib/crypto/sha256';

const PAGES = 300;
const IMAGE_SIDE = 320; // 320 × 320 grey bytes ≈ 100 KB of random (incompressible) data per page
const FIELDS = 10;
const RUNS = 7;

const dir = mkdtempSync(path.join(tmpdir(), 'accord-bench-'));
let fileCounter = 0;

/** Writes bytes (as parts, to avoid a concatenation) and fsyncs; returns ms. */
function writeWithFsync(parts: Uint8Array[]): number {
  const start = performance.now();
  const fd = openSync(path.join(dir, `out-${fileCounter++ % 4}.pdf`), 'w');
  try {
    for (const part of parts) {
      let offset = 0;
      while (offset < part.length) offset += writeSync(fd, part, offset, part.length - offset);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return performance.now() - start;
}

function hashMs(bytes: Uint8Array): number {
  const start = performance.now();
  sha256Bytes(bytes);
  return performance.now() - start;
}

function largeAgreement(): Promise<Uint8Array> {
  return imageHeavyPdf(PAGES, IMAGE_SIDE);
}

function fieldPlan(): FieldPlanEntry[] {
  return Array.from({ length: FIELDS }, (_, i) => ({
    name: `signature.signer${i + 1}`,
    kind: 'signature' as const,
    page: PAGES - (i % 3),
    rect: { x: 60 + (i % 2) * 260, y: 60 + Math.floor(i / 2) * 130, width: 220, height: 110 },
  }));
}

async function main(): Promise<void> {
  const { identity } = await testIdentity();
  const original = await largeAgreement();
  const prepared = (await prepareSigningFields({ pdf: original, fields: fieldPlan() })).pdf;
  const megabytes = (prepared.length / 1024 / 1024).toFixed(1);
  const options = (pdf: Uint8Array, index: number): SignPreparedFieldOptions => ({
    pdf,
    field: { name: `signature.signer${index + 1}`, kind: 'signature' },
    appearance: appearanceFor(index % 2 === 0 ? 'lni' : 'kosmo'),
    signature: { name: `Signer ${index + 1}`, reason: 'Benchmark', location: 'Berlin' },
    identity,
  });
  /** One signature as the app does it: sign, check the update's changes, then store the new revision with fsync. */
  const signOnce = async (pdf: Uint8Array, index: number) => {
    const start = performance.now();
    const result = await signPreparedField(options(pdf, index));
    assertOnlyAllowedChanges(pdf, result.pdf);
    writeWithFsync([result.pdf.subarray(0, pdf.length), result.increment]);
    return { ms: performance.now() - start, result };
  };

  // Warm-up: fonts read, JIT warm, page cache primed — as in a running server.
  await signOnce(prepared, 0);
  hashMs(prepared);
  writeWithFsync([prepared]);

  // P1: one signature vs (H + W) on the same file, medians of RUNS, interleaved.
  const hashes: number[] = [];
  const writes: number[] = [];
  const signs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    hashes.push(hashMs(prepared));
    writes.push(writeWithFsync([prepared]));
    signs.push((await signOnce(prepared, 0)).ms);
  }
  const reference = median(hashes) + median(writes);
  printBudget({
    id: 'P1',
    ratio: median(signs) / reference,
    limit: 3,
    detail: `sign ${megabytes} MB/${PAGES} pages incl. write+fsync: ${median(signs).toFixed(0)} ms; H+W: ${reference.toFixed(0)} ms (H ${median(hashes).toFixed(0)}, W ${median(writes).toFixed(0)})`,
  });

  // P2: ten signatures in sequence; every update checked against its budget and the prefix rule.
  let worstRatio = 0;
  let worstDetail = '';
  let prefixHolds = true;
  const revisions: Uint8Array[] = [prepared];
  for (let i = 0; i < FIELDS; i++) {
    const current = revisions[revisions.length - 1]!;
    const { result } = await signOnce(current, i);
    if (!Buffer.from(result.pdf.subarray(0, current.length)).equals(Buffer.from(current))) prefixHolds = false;
    const allowed = result.contentsPlaceholderBytes + result.appearanceBytes + 8 * 1024;
    const ratio = result.increment.length / allowed;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worstDetail =
        `${(result.increment.length / 1024).toFixed(1)} KB appended vs CMS container ${(result.contentsPlaceholderBytes / 1024).toFixed(1)} KB` +
        ` + appearance ${(result.appearanceBytes / 1024).toFixed(1)} KB + 8 KB`;
    }
    revisions.push(result.pdf);
  }
  printBudget({
    id: 'P2',
    ratio: worstRatio,
    limit: 1,
    failed: !prefixHolds,
    detail: `worst of ${FIELDS} signatures: ${worstDetail}; previous revision a byte-identical prefix: ${prefixHolds ? 'yes' : 'NO'}`,
  });

  // P3: the 1st signature (on the prepared file) and the 10th (on the file holding nine),
  // measured alternately so that the machine's load affects both alike.
  const ninth = revisions[FIELDS - 1]!;
  const firsts: number[] = [];
  const tenths: number[] = [];
  for (let run = 0; run < 7; run++) {
    firsts.push((await signOnce(prepared, 0)).ms);
    tenths.push((await signOnce(ninth, FIELDS - 1)).ms);
  }
  printBudget({
    id: 'P3',
    ratio: median(tenths) / median(firsts),
    limit: 1.2,
    detail: `10th signature ${median(tenths).toFixed(0)} ms vs 1st ${median(firsts).toFixed(0)} ms on ${megabytes} MB, medians of 7 alternating runs`,
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    console.log('BUDGET P1 ratio=NaN limit=3 FAIL  (the bench crashed)');
  })
  .finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = 0;
  });
