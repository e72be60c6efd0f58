import { beforeAll, describe, expect, it } from 'vitest';

import { buildAttacks, genuineOutputs, type AttackName, type GenuineOutputs } from '@accord/pdf-signing/testing/attack-corpus';
import { verifyPdfFile } from '@/lib/evidence/verify-evidence-package';

/**
 * The exit code accord-verify gives the forger's corpus. The verdicts themselves, and
 * pyHanko's reading of the same bytes, are the PDF package's test (attack-corpus.test.ts);
 * this one checks that the verifier's file report turns each verdict into the right code.
 */

let genuine: GenuineOutputs;
let attacks: Record<AttackName, Uint8Array>;
let anchor: Uint8Array;

beforeAll(async () => {
  genuine = await genuineOutputs();
  anchor = genuine.identity.chainDer.at(-1)!;
  attacks = await buildAttacks(genuine);
}, 120_000);

describe('accord-verify exit codes of genuine outputs', () => {
  it.each(['afterFirst', 'sealed'] as const)('%s: exit 0 with the anchor', (which) => {
    expect(verifyPdfFile('genuine.pdf', genuine[which], [anchor]).exitCode).toBe(0);
  });

  it('without a trust anchor: intact but untrusted, exit 2', () => {
    expect(verifyPdfFile('genuine.pdf', genuine.sealed, []).exitCode).toBe(2);
  });
});

// A record, not a list, so that the compiler asks for every attack the corpus names.
const ATTACKS: Record<AttackName, true> = {
  'shadow-hide': true,
  'shadow-replace': true,
  'shadow-hide-and-replace': true,
  'page-text-replaced-and-signed-by-mallory': true,
  'evil-annotation': true,
  'sneaky-signature': true,
  'catalog-change': true,
  'need-appearances': true,
  usf: true,
  isa: true,
  'isa-hidden-object': true,
  swa: true,
  'appearance-without-signature': true,
  'byte-flip': true,
  truncation: true,
  'appended-bytes': true,
};

describe('accord-verify exit codes of the attack corpus: every attack exits 1', () => {
  it('the corpus builds exactly the attacks named here', () => {
    expect(Object.keys(attacks).sort()).toEqual(Object.keys(ATTACKS).sort());
  });

  it.each(Object.keys(ATTACKS) as AttackName[])('%s', (name) => {
    expect(verifyPdfFile(`${name}.pdf`, attacks[name], [anchor]).exitCode).toBe(1);
  });
});
