import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

import { sealPlatformPdf } from './seal-platform-pdf';
import { buildAttacks, genuineOutputs, type AttackName, type GenuineOutputs } from './testing/attack-corpus';
import { simplePdf } from './testing/fixtures';
import { pyhankoUnmodified, requirePyhanko, runPyhanko, type PyhankoResult } from './testing/pyhanko';
import { verifyPdfSignatures, type Verdict } from './verify-pdf-signatures';

/**
 * The forger's corpus (PDF-Insecurity attacks applied to the app's own output) with the
 * verdict and exit code each must get, and pyHanko's validation of the same bytes as the
 * reference. pyHanko runs with fetching off and the same single trust anchor. The exit code
 * accord-verify gives each of these files is the app's (lib/evidence/verify-pdf-file-attacks.test.ts).
 */

let genuine: GenuineOutputs;
let attacks: Record<AttackName, Uint8Array>;
let anchor: Uint8Array;
let anchorPem: string;

beforeAll(async () => {
  requirePyhanko();
  genuine = await genuineOutputs();
  anchor = genuine.identity.chainDer.at(-1)!;
  anchorPem = new X509Certificate(anchor).toString();
  attacks = await buildAttacks(genuine);
}, 120_000);

const expected: Record<AttackName, { verdict: Verdict; change?: RegExp; pyhanko: 'rejects' | 'accepts' | 'unreadable' }> = {
  'shadow-hide': { verdict: 'modified', change: /content of page 1/, pyhanko: 'rejects' },
  'shadow-replace': { verdict: 'modified', change: /content stream of page 1/, pyhanko: 'rejects' },
  'shadow-hide-and-replace': { verdict: 'modified', change: /catalog’s \/Pages/, pyhanko: 'rejects' },
  'page-text-replaced-and-signed-by-mallory': { verdict: 'modified', change: /content stream of page 1/, pyhanko: 'rejects' },
  'evil-annotation': { verdict: 'modified', change: /annotation was added/, pyhanko: 'rejects' },
  // pyHanko lets a new signature field be added after a signature; our rules forbid it
  // ("prepare, then only fill"): a field nobody prepared is how a sneaky signature gets in.
  'sneaky-signature': { verdict: 'modified', change: /field "mallory" was added/, pyhanko: 'accepts' },
  'catalog-change': { verdict: 'modified', change: /\/OpenAction was added/, pyhanko: 'rejects' },
  // pyHanko counts /NeedAppearances as harmless form upkeep; it makes viewers redraw every
  // field, so a signed appearance could be replaced on screen: we refuse it.
  'need-appearances': { verdict: 'modified', change: /NeedAppearances/, pyhanko: 'accepts' },
  // pyHanko cannot read the file at all ("Could not read /ByteRange"): rejected either way.
  usf: { verdict: 'invalid', pyhanko: 'unreadable' },
  isa: { verdict: 'modified', change: /content stream of page 1/, pyhanko: 'rejects' },
  // pyHanko follows only the cross-reference sections and never sees the hidden definition;
  // a recovering viewer may use it, so we refuse any object an update hides from its index.
  'isa-hidden-object': { verdict: 'modified', change: /left out of its cross-reference section/, pyhanko: 'accepts' },
  swa: { verdict: 'invalid', pyhanko: 'rejects' },
  'appearance-without-signature': { verdict: 'modified', change: /got an appearance without a signature/, pyhanko: 'rejects' },
  'byte-flip': { verdict: 'invalid', pyhanko: 'rejects' },
  truncation: { verdict: 'invalid', pyhanko: 'unreadable' },
  // pyHanko accepts bytes after the last revision as not part of any signature; nothing
  // signs them, so they are "not covered" and the file fails.
  'appended-bytes': { verdict: 'valid-but-modified-after-signing', pyhanko: 'accepts' },
};

function pyhankoRejectsFirstSignature(result: PyhankoResult): boolean {
  const first = result.signatures.find((signature) => signature.field === 'signature-lni');
  if (!first) return true;
  return !first.bottom_line || !first.intact || !pyhankoUnmodified(first);
}

describe('genuine outputs: our verdict and pyHanko agree', () => {
  it.each(['afterFirst', 'sealed'] as const)('%s: valid, trusted, only form filling after each signature', (which) => {
    const bytes = genuine[which];
    const report = verifyPdfSignatures(bytes, { trustedCaDer: [anchor] });
    expect(report.verdict, report.reason).toBe('valid');
    const reference = runPyhanko(bytes, [anchorPem]);
    expect(reference.error).toBeNull();
    expect(reference.signatures).toHaveLength(report.signatures.length);
    for (const signature of report.signatures) {
      const theirs = reference.signatures.find((candidate) => candidate.field === signature.fieldName)!;
      expect(theirs).toMatchObject({ intact: true, valid: true, trusted: true, bottom_line: true });
      expect(theirs.coverage).toBe(signature.coversWholeFile ? 'ENTIRE_FILE' : 'ENTIRE_REVISION');
      expect(pyhankoUnmodified(theirs)).toBe(signature.unmodified);
    }
  });

  it('a PDF the platform seals itself (certificate of completion): valid in both', async () => {
    const bytes = await sealPlatformPdf({ pdf: await simplePdf({ pages: 1 }), identity: genuine.identity, reason: 'Certificate of completion' });
    expect(verifyPdfSignatures(bytes, { trustedCaDer: [anchor] }).verdict).toBe('valid');
    const reference = runPyhanko(bytes, [anchorPem]);
    expect(reference.signatures).toEqual([expect.objectContaining({ intact: true, valid: true, trusted: true, coverage: 'ENTIRE_FILE', bottom_line: true })]);
  });

  it('without a trust anchor: intact but untrusted, as pyHanko says untrusted', () => {
    expect(verifyPdfSignatures(genuine.sealed).verdict).toBe('untrusted');
    expect(runPyhanko(genuine.sealed, []).signatures.every((signature) => signature.intact && !signature.trusted)).toBe(true);
  });
});

describe('attack corpus: every attack is caught, with its verdict', () => {
  it.each(Object.keys(expected) as AttackName[])('%s', (name) => {
    const bytes = attacks[name];
    const want = expected[name];
    const report = verifyPdfSignatures(bytes, { trustedCaDer: [anchor] });
    expect(report.verdict, report.reason).toBe(want.verdict);
    if (want.change) expect(report.disallowedChanges.map((change) => change.description).join(' | ')).toMatch(want.change);
    if (want.verdict === 'modified') {
      const first = report.signatures.find((signature) => signature.fieldName === 'signature-lni')!;
      expect(first.valid).toBe(true);
      expect(first.unmodified).toBe(false);
    }

    const reference = runPyhanko(bytes, [anchorPem]);
    if (want.pyhanko === 'unreadable') expect(reference.error).not.toBeNull();
    else expect(pyhankoRejectsFirstSignature(reference), JSON.stringify(reference)).toBe(want.pyhanko === 'rejects');
  });

  it('the page-text forgery: the new signature is Mallory’s and untrusted, the minister’s no longer matches what the file shows', () => {
    const report = verifyPdfSignatures(attacks['page-text-replaced-and-signed-by-mallory'], { trustedCaDer: [anchor] });
    const mallory = report.signatures.find((signature) => signature.fieldName === 'mallory')!;
    expect(mallory).toMatchObject({ valid: true, chainsToTrustedCa: false, unmodified: true });
    expect(mallory.certificate?.subject).toContain('CN=Mallory');
    expect(report.reason).toMatch(/changed after signature 1/);
  });
});
