import { describe, expect, it } from 'vitest';

import { inspectPdf } from './inspect-pdf';
import { PdfError, type PdfErrorCode } from './pdf-error';
import { simplePdf } from './testing/fixtures';
import {
  cyclicPageTreePdf,
  deeplyNestedPdf,
  encryptedPdf,
  hugePageCountPdf,
  minimalPdf,
  notAPdf,
  objectStreamBombPdf,
  truncatedPdf,
} from './testing/hostile-pdfs';

function refusal(bytes: Uint8Array): PdfError {
  try {
    inspectPdf(bytes);
  } catch (error) {
    if (error instanceof PdfError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('inspectPdf', () => {
  it('reads page count and sizes of ordinary files (xref table and xref stream)', async () => {
    expect(inspectPdf(minimalPdf())).toEqual({ pageCount: 1, pages: [{ width: 612, height: 792, originX: 0, originY: 0, rotate: 0 }], encrypted: false });
    for (const objectStreams of [false, true]) {
      const inspection = inspectPdf(await simplePdf({ pages: 3, objectStreams, rotate: 90 }));
      expect(inspection.pageCount).toBe(3);
      expect(inspection.pages[2]).toMatchObject({ width: 595.28, height: 841.89, rotate: 90 });
    }
  });

  const hostile: [string, () => Uint8Array, PdfErrorCode, RegExp][] = [
    ['not a PDF', notAPdf, 'NOT_A_PDF', /not a PDF/],
    ['empty', () => new Uint8Array(), 'NOT_A_PDF', /not a PDF/],
    ['encrypted', encryptedPdf, 'ENCRYPTED', /encrypted/],
    ['truncated', truncatedPdf, 'TRUNCATED', /cut off/],
    ['cyclic page tree', cyclicPageTreePdf, 'MALFORMED', /page tree contains a cycle/],
    ['object-stream bomb', () => objectStreamBombPdf(512), 'MALFORMED', /decompressed/],
    ['deeply nested', () => deeplyNestedPdf(100_000), 'MALFORMED', /nested more than/],
    ['two billion pages', () => hugePageCountPdf(2_000_000_000), 'MALFORMED', /claims 2,000,000,000 pages/],
  ];
  for (const [label, make, code, message] of hostile) {
    it(`hostile case 6: refuses ${label} with ${code} and a plain message`, () => {
      const error = refusal(make());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^This (PDF|file)/);
    });
  }

  it('the bomb generator writes valid zlib data: a small "bomb" opens normally', () => {
    expect(inspectPdf(objectStreamBombPdf(1)).pageCount).toBe(1);
  });

  it('refuses a file with no pages', () => {
    const text = Buffer.from(minimalPdf()).toString('latin1').replace('/Kids[3 0 R]/Count 1', '/Kids[]/Count 0     ');
    expect(refusal(Buffer.from(text, 'latin1')).code).toBe('NO_PAGES');
  });

  it('recovers a file whose cross-reference offsets are wrong (as viewers do)', () => {
    const text = Buffer.from(minimalPdf()).toString('latin1');
    const broken = text.replace(/startxref\n\d+/, 'startxref\n99999');
    expect(inspectPdf(Buffer.from(broken, 'latin1')).pageCount).toBe(1);
  });

  it('reports encrypted files when asked instead of refusing them', () => {
    expect(inspectPdf(encryptedPdf(), { allowEncrypted: true })).toMatchObject({ pageCount: 1, encrypted: true });
  });
});
