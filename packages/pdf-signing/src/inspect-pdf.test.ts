import { describe, expect, it } from 'vitest';

import { generateAgreementPdf } from './generate-agreement-pdf';
import { inspectPdf, type InspectPdfOptions } from './inspect-pdf';
import { PDF_FINDING_KINDS, PDF_REFUSALS } from './inspection-rules';
import { PdfError } from './pdf-error';
import { PdfFile } from './read-pdf-file';
import { KOSMO, LNI, simplePdf } from './testing/fixtures';
import {
  ACTIVE_CONTENT_PDFS,
  allowedLinkPdf,
  brokenXrefPdf,
  cyclicPageTreePdf,
  DECODE_BOMB_PDFS,
  deeplyNestedPdf,
  encryptedPdf,
  hugePageCountPdf,
  incrementallyUpdatedPdf,
  minimalPdf,
  notAPdf,
  objectStreamBombPdf,
  SIGNATURE_MACHINERY_PDFS,
  STRUCTURE_LIMIT_PDFS,
  truncatedPdf,
} from './testing/hostile-pdfs';

async function refusal(bytes: Uint8Array, options: InspectPdfOptions = { policy: 'agreement' }): Promise<PdfError> {
  try {
    await inspectPdf(bytes, options);
  } catch (error) {
    if (error instanceof PdfError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('inspectPdf', () => {
  it('reads page count, sizes and the pre-flight summary of ordinary files (xref table and xref stream)', async () => {
    expect(await inspectPdf(minimalPdf(), { policy: 'agreement' })).toMatchObject({
      pageCount: 1,
      pages: [{ width: 612, height: 792, originX: 0, originY: 0, rotate: 0 }],
      encrypted: false,
      findings: [],
      summary: { fonts: [{ name: 'Helvetica', embedded: false }], links: [], language: null },
    });
    for (const objectStreams of [false, true]) {
      const inspection = await inspectPdf(await simplePdf({ pages: 3, objectStreams, rotate: 90 }), { policy: 'agreement' });
      expect(inspection.pageCount).toBe(3);
      expect(inspection.pages[2]).toMatchObject({ width: 595.28, height: 841.89, rotate: 90 });
    }
  });

  it('accepts the agreement the app itself generates, with its embedded fonts listed', async () => {
    const agreement = await generateAgreementPdf({ language: 'ko', parties: [LNI, KOSMO] });
    const inspection = await inspectPdf(agreement.bytes, { policy: 'agreement' });
    expect(inspection.findings).toEqual([]);
    expect(inspection.summary.fonts.length).toBeGreaterThan(0);
    expect(inspection.summary.fonts.every((font) => font.embedded)).toBe(true);
  });

  const hostile: [string, () => Uint8Array, string, RegExp][] = [
    ['not a PDF', notAPdf, 'NOT_A_PDF', /not a PDF/],
    ['empty', () => new Uint8Array(), 'NOT_A_PDF', /not a PDF/],
    ['encrypted', encryptedPdf, 'ENCRYPTED', /encrypted/],
    ['truncated', truncatedPdf, 'TRUNCATED', /cut off/],
    ['cyclic page tree', cyclicPageTreePdf, 'STRUCTURE_LOOP', /page tree contains a cycle/],
    ['object-stream bomb', () => objectStreamBombPdf(512), 'DECODE_BUDGET', /decompress/],
    ['deeply nested', () => deeplyNestedPdf(100_000), 'TOO_COMPLEX', /nested more than/],
    ['two billion pages', () => hugePageCountPdf(2_000_000_000), 'TOO_COMPLEX', /claims 2,000,000,000 pages/],
  ];
  for (const [label, make, code, message] of hostile) {
    it(`hostile case "Hostile upload": refuses ${label} with ${code} and a plain message`, async () => {
      const error = await refusal(make());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^This (PDF|file)/);
    });
  }

  for (const [label, make] of Object.entries(ACTIVE_CONTENT_PDFS)) {
    it(`refuses active content: ${label}`, async () => {
      const error = await refusal(make());
      expect(error.code).toBe('ACTIVE_CONTENT');
      expect(error.details?.length).toBeGreaterThan(0);
      expect(error.details!.every((kind) => kind in PDF_FINDING_KINDS)).toBe(true);
    });
  }

  for (const [label, make] of Object.entries(SIGNATURE_MACHINERY_PDFS)) {
    it(`refuses signature machinery: ${label}`, async () => {
      expect((await refusal(make())).code).toBe('SIGNATURE_MACHINERY');
    });
  }

  it('refuses earlier incremental updates and files the reader had to repair', async () => {
    expect(await refusal(incrementallyUpdatedPdf())).toMatchObject({ code: 'INCREMENTAL_UPDATES', details: ['incremental-update'] });
    expect(await refusal(brokenXrefPdf())).toMatchObject({ code: 'REPAIRED', details: ['repaired'] });
  });

  for (const [label, make] of Object.entries(DECODE_BOMB_PDFS)) {
    it(`refuses decode amplification at the budget: ${label}`, async () => {
      const bytes = make();
      const before = process.memoryUsage();
      const error = await refusal(bytes);
      expect(error.code).toBe('DECODE_BUDGET');
      // The budget stops decoding before the output is held: memory stays near the input.
      const grown = process.memoryUsage().arrayBuffers - before.arrayBuffers;
      expect(grown).toBeLessThan(4 * bytes.length + 64 * 1024 * 1024);
    });
  }

  for (const [label, make] of Object.entries(STRUCTURE_LIMIT_PDFS)) {
    it(`refuses structure loops and absurd sizes at once: ${label}`, async () => {
      const started = performance.now();
      const error = await refusal(make());
      expect(['STRUCTURE_LOOP', 'TOO_COMPLEX']).toContain(error.code);
      expect(performance.now() - started).toBeLessThan(500);
    });
  }

  it('every refusal code it can raise is in the one table', async () => {
    const makers = [
      ...Object.values(ACTIVE_CONTENT_PDFS),
      ...Object.values(SIGNATURE_MACHINERY_PDFS),
      ...Object.values(STRUCTURE_LIMIT_PDFS),
      notAPdf,
      encryptedPdf,
      truncatedPdf,
      incrementallyUpdatedPdf,
      brokenXrefPdf,
    ];
    for (const make of makers) expect(PDF_REFUSALS).toHaveProperty((await refusal(make())).code);
  });

  it('allows a plain GoTo on opening and URI links, and lists the links and the language', async () => {
    const inspection = await inspectPdf(allowedLinkPdf(), { policy: 'agreement' });
    expect(inspection.findings).toEqual([]);
    expect(inspection.summary).toMatchObject({ links: ['https://example.org/treaty'], language: 'de-DE' });
  });

  it('the letter policy allows signatures and updates but not active content; the structure policy only judges structure', async () => {
    await expect(inspectPdf(SIGNATURE_MACHINERY_PDFS.signature(), { policy: 'letter' })).resolves.toMatchObject({ pageCount: 1 });
    await expect(inspectPdf(incrementallyUpdatedPdf(), { policy: 'letter' })).resolves.toMatchObject({ pageCount: 1 });
    expect((await refusal(ACTIVE_CONTENT_PDFS.launch(), { policy: 'letter' })).code).toBe('ACTIVE_CONTENT');
    const structure = await inspectPdf(ACTIVE_CONTENT_PDFS.launch(), { policy: 'structure' });
    expect(structure.findings).toEqual([{ kind: 'launch', count: 1 }]);
    expect((await refusal(DECODE_BOMB_PDFS.LZW(), { policy: 'structure' })).code).toBe('DECODE_BUDGET');
  });

  const droppable = { ...ACTIVE_CONTENT_PDFS, ...SIGNATURE_MACHINERY_PDFS, 'incremental update': incrementallyUpdatedPdf, 'broken xref': brokenXrefPdf };
  for (const [label, make] of Object.entries(droppable)) {
    it(`flattens to a clean copy on request: ${label}`, async () => {
      const original = make();
      const inspection = await inspectPdf(original, { policy: 'agreement', cleanCopy: true });
      expect(inspection.cleanCopy?.dropped.length).toBeGreaterThan(0);
      expect(inspection.findings).toEqual([]);
      const copy = inspection.cleanCopy!.bytes;
      expect(Buffer.from(copy).equals(Buffer.from(original))).toBe(false);
      const reread = PdfFile.open(copy);
      expect(reread.sections).toHaveLength(1);
      expect(reread.recovered).toBe(false);
      expect(reread.pages()).toHaveLength(1);
      // The copy is accepted as it is: it is what gets hashed, stored and signed.
      await expect(inspectPdf(copy, { policy: 'agreement' })).resolves.toMatchObject({ pageCount: 1, findings: [] });
    });
  }

  it('a clean copy keeps what the pages need: content, fonts, links, rotation from the newest revision', async () => {
    const updated = await inspectPdf(incrementallyUpdatedPdf(), { policy: 'agreement', cleanCopy: true });
    expect(updated.pages[0]).toMatchObject({ rotate: 90 });
    const linked = await inspectPdf(ACTIVE_CONTENT_PDFS.launch(), { policy: 'agreement', cleanCopy: true });
    expect(linked.summary.fonts).toEqual([{ name: 'Helvetica', embedded: false }]);
    expect(Buffer.from(linked.cleanCopy!.bytes).toString('latin1')).toContain('(Hello) Tj');
  });

  it('does not offer a clean copy for what a copy cannot cure', async () => {
    expect((await refusal(encryptedPdf(), { policy: 'agreement', cleanCopy: true })).code).toBe('ENCRYPTED');
    expect((await refusal(DECODE_BOMB_PDFS['page content stream'](), { policy: 'agreement', cleanCopy: true })).code).toBe('DECODE_BUDGET');
  });

  it('refuses a file with no pages', async () => {
    const text = Buffer.from(minimalPdf()).toString('latin1').replace('/Kids[3 0 R]/Count 1', '/Kids[]/Count 0     ');
    expect((await refusal(Buffer.from(text, 'latin1'))).code).toBe('NO_PAGES');
  });

  it('reports encrypted files when asked instead of refusing them', async () => {
    expect(await inspectPdf(encryptedPdf(), { allowEncrypted: true })).toMatchObject({ pageCount: 1, encrypted: true });
  });
});
