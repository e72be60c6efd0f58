import { describe, expect, it } from 'vitest';
import { generateAgreementPdf } from './generate-agreement-pdf';
import { inspectPdf } from './inspect-pdf';
import { expectQpdfClean, runPdftotext } from './testing/external-validators';
import { SPECIMEN_WATERMARK, watermarkSpecimen } from './watermark-specimen';

const parties = [
  { name: 'Labs Network Industrie 4.0', shortName: 'LNI 4.0', country: 'Germany', signatoryName: 'Dr. Jürgen Weiß', signatoryTitle: 'Chair' },
  { name: 'Korean Smart Manufacturing Office', shortName: 'KOSMO', country: 'Republic of Korea', signatoryName: '김민준', signatoryTitle: 'President' },
];

describe('watermarkSpecimen', () => {
  it('marks every page SPECIMEN, keeps the pages, and is a different, valid file', async () => {
    const original = await generateAgreementPdf({ language: 'en', parties });
    const specimen = await watermarkSpecimen(original.bytes);
    expect(Buffer.from(specimen).equals(Buffer.from(original.bytes))).toBe(false);
    expect((await inspectPdf(specimen)).pageCount).toBe(original.pageCount);
    const text = runPdftotext(specimen);
    expect(
      text
        .split('\f')
        .filter((page) => page.trim())
        .every((page) => page.includes('SPECIMEN')),
    ).toBe(true);
    expect(text).toContain(SPECIMEN_WATERMARK.split(' — ')[1]);
    expectQpdfClean(specimen);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(watermarkSpecimen(new TextEncoder().encode('not a pdf'))).rejects.toMatchObject({ code: 'MALFORMED' });
  });
});
