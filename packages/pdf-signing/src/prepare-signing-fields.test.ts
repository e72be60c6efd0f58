import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { listFormFields, findAcroForm } from './find-form-fields';
import { isPdfError } from './pdf-error';
import { PdfRef } from './pdf-objects';
import { prepareSigningFields, type FieldPlanEntry } from './prepare-signing-fields';
import { PdfFile } from './read-pdf-file';
import { signPreparedFields } from './sign-prepared-fields';
import { expectPdfsigAllValid, expectQpdfClean, runPdfsig, runPdftotext } from './testing/external-validators';
import { appearanceFor, simplePdf, testIdentity } from './testing/fixtures';
import { encryptedPdf } from './testing/hostile-pdfs';

const field = (name: string, page = 1, x = 60): FieldPlanEntry => ({ name, kind: 'signature', page, rect: { x, y: 100, width: 200, height: 90 } });

describe('prepareSigningFields', () => {
  it('appends one update with every field empty, /SigFlags 3, widgets on their pages', async () => {
    const original = await simplePdf({ pages: 2 });
    const result = await prepareSigningFields({
      pdf: original,
      fields: [
        field('signature.lni', 2),
        field('signature.kosmo', 2, 300),
        { ...field('initials.lni', 1), kind: 'initials', rect: { x: 500, y: 40, width: 50, height: 24 } },
      ],
    });
    expect(Buffer.from(result.pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(result.pdf).toString('latin1').match(/%%EOF/g)).toHaveLength(2);
    expectQpdfClean(result.pdf);

    const file = PdfFile.open(result.pdf);
    const form = findAcroForm(file)!;
    expect(form.ref).toBeInstanceOf(PdfRef);
    expect(form.dict.get('SigFlags')).toBe(3);
    const fields = listFormFields(file);
    expect(fields.map((f) => [f.fullName, f.fieldType, f.hasValue])).toEqual([
      ['signature.lni', 'Sig', false],
      ['signature.kosmo', 'Sig', false],
      ['initials.lni', 'Sig', false],
    ]);
    const pages = file.pages();
    const annotsOf = (index: number) => (file.resolveArray(pages[index]!.dict.get('Annots')) ?? []).map((v) => (v as PdfRef).num);
    expect(annotsOf(1)).toEqual(result.fields.slice(0, 2).map((f) => f.objectNumber));
    expect(annotsOf(0)).toEqual([result.fields[2]!.objectNumber]);
    for (const prepared of fields) expect(prepared.widgets[0]!.dict.get('P')).toEqual(pages[prepared.fullName === 'initials.lni' ? 0 : 1]!.ref);

    const pdfsig = runPdfsig(result.pdf);
    expect(pdfsig.signatures.every((s) => s.unsigned)).toBe(true);
    expect(pdfsig.signatures).toHaveLength(3);
  });

  it('keeps an existing form and its fields, and fills prepared fields of a PDF with a cross-reference stream', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.getForm().createTextField('existing.name').addToPage(doc.getPage(0), { x: 60, y: 700, width: 200, height: 24 });
    const original = await doc.save({ useObjectStreams: true });
    expect(PdfFile.open(original).lastXrefKind).toBe('stream');

    const result = await prepareSigningFields({ pdf: original, fields: [field('signer')] });
    const file = PdfFile.open(result.pdf);
    expect(file.lastXrefKind).toBe('stream');
    expect(listFormFields(file).map((f) => f.fullName)).toEqual(['existing.name', 'signer']);
    expectQpdfClean(result.pdf);

    const { identity } = await testIdentity();
    const signed = await signPreparedFields({
      pdf: result.pdf,
      fields: ['signer'],
      appearance: appearanceFor('lni'),
      signature: { name: 'A', reason: 'R', location: 'L' },
      identity,
    });
    expectPdfsigAllValid(signed.pdf, 1);
    expectQpdfClean(signed.pdf);
  });

  it('draws the development notice into every page (visual foot, also on rotated pages)', async () => {
    for (const rotate of [0, 90]) {
      const original = await simplePdf({ pages: 2, rotate });
      const result = await prepareSigningFields({ pdf: original, fields: [field('signer')], developmentNotice: true });
      expectQpdfClean(result.pdf);
      const text = runPdftotext(result.pdf);
      expect(text.match(/Signed with a development certificate — not for official use/g)).toHaveLength(2);
      expect(text).toContain('Test page 1');
    }
  });

  it('refuses plans that cannot work, in plain words', async () => {
    const original = await simplePdf({ pages: 1 });
    const refuse = async (fields: FieldPlanEntry[], message: RegExp) =>
      expect(prepareSigningFields({ pdf: original, fields })).rejects.toSatisfy(
        (error) => isPdfError(error, 'INVALID_FIELD_PLAN') && message.test((error as Error).message),
      );
    await refuse([], /empty/);
    await refuse([field('a'), field('a', 1, 300)], /clashes/);
    await refuse([field('a'), field('a.b', 1, 300)], /clashes/);
    await refuse([field('x', 2)], /on page 2, but the document has 1 pages/);
    await refuse([{ ...field('x'), rect: { x: 500, y: 100, width: 200, height: 90 } }], /outside page 1/);
    await refuse([{ ...field('x'), rect: { x: 0, y: 0, width: 0, height: 0 } }], /Only the seal may be invisible/);
    await refuse([field('bad..name')], /invalid/);
    await expect(prepareSigningFields({ pdf: encryptedPdf(), fields: [field('x')] })).rejects.toSatisfy((e) => isPdfError(e, 'ENCRYPTED'));
  });
});
