import { deflateSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { PdfLexer } from './parse-pdf-object';
import { isPdfError } from './pdf-error';
import { decodeTextString, PdfDict, PdfName, PdfRef, PdfStream, PdfString, serializeValue, textString } from './pdf-objects';
import { prepareSigningFields } from './prepare-signing-fields';
import { PdfFile } from './read-pdf-file';
import { expectQpdfClean } from './testing/external-validators';
import { minimalPdf } from './testing/hostile-pdfs';

const parse = (text: string) => new PdfLexer(Buffer.from(text, 'latin1')).parseDirectValue();

describe('PDF syntax', () => {
  it('parses the object types, escapes and references', () => {
    const value = parse('<</A 12 0 R/B [1 -2.5 .5 (a\\(b\\)\\n\\101) <48 65 6C6C 6F>]/C#20D /x#2Fy/E true/F null>>') as PdfDict;
    expect(value.get('A')).toEqual(new PdfRef(12, 0));
    const array = value.get('B') as unknown[];
    expect(array.slice(0, 3)).toEqual([1, -2.5, 0.5]);
    expect(Buffer.from((array[3] as PdfString).bytes).toString('latin1')).toBe('a(b)\nA');
    expect(Buffer.from((array[4] as PdfString).bytes).toString('latin1')).toBe('Hello');
    expect((value.get('C D') as PdfName).value).toBe('x/y');
    expect(value.get('E')).toBe(true);
    expect(value.has('F')).toBe(false);
  });

  it('round-trips through the serializer', () => {
    const source = '<</Type/Sig/Name<feff00e4>/Nums[1 2.25 -3]/S(a\\)b)/R 4 0 R>>';
    const written = serializeValue(parse(source));
    expect(serializeValue(parse(written))).toBe(written);
    expect(written).toBe('<</Type /Sig/Name <feff00e4>/Nums [1 2.25 -3]/S (a\\)b)/R 4 0 R>>');
  });

  it('writes non-ASCII text strings as UTF-16 and reads them back', () => {
    for (const text of ['Dr. Matthias Schäfer', '김민준', 'Weiß']) expect(decodeTextString(textString(text))).toBe(text);
    expect(textString('plain').encoding).toBe('literal');
  });

  it('refuses nesting beyond the limit without exhausting the stack', () => {
    expect(() => parse('['.repeat(10_000) + ']'.repeat(10_000))).toThrow(/nested more than/);
  });

  it('finds stream data by "endstream" when /Length is wrong', () => {
    const lexer = new PdfLexer(Buffer.from('7 0 obj\n<</Length 999>>\nstream\nabc\nendstream\nendobj', 'latin1'));
    const object = lexer.parseIndirectObject();
    expect(Buffer.from((object.value as PdfStream).data).toString('latin1')).toBe('abc');
  });
});

describe('PdfFile', () => {
  it('reads a cross-reference stream with a PNG predictor and an object stream', () => {
    const header = '%PDF-1.7\n';
    const catalog = '1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n';
    const objects = '<</Type/Pages/Kids[3 0 R]/Count 1>> <</Type/Page/Parent 2 0 R/MediaBox[0 0 300 400]>> ';
    const streamHeader = `2 0 3 ${objects.indexOf('<</Type/Page/')} `;
    const objStmData = deflateSync(Buffer.from(streamHeader + objects, 'latin1'));
    const objStm = Buffer.concat([
      Buffer.from(`4 0 obj\n<</Type/ObjStm/N 2/First ${streamHeader.length}/Filter/FlateDecode/Length ${objStmData.length}>>\nstream\n`, 'latin1'),
      objStmData,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    const catalogOffset = header.length;
    const objStmOffset = catalogOffset + catalog.length;
    const xrefOffset = objStmOffset + objStm.length;
    const rows: number[][] = [
      [0, 0, 0, 0, 0, 255, 255],
      [1, ...be32(catalogOffset), 0, 0],
      [2, 0, 0, 0, 4, 0, 0],
      [2, 0, 0, 0, 4, 0, 1],
      [1, ...be32(objStmOffset), 0, 0],
      [1, ...be32(xrefOffset), 0, 0],
    ];
    // PNG "Up" predictor: each row is the difference to the row above.
    const predicted: number[] = [];
    rows.forEach((row, r) => {
      predicted.push(2);
      row.forEach((byte, i) => predicted.push((byte - (r > 0 ? rows[r - 1]![i]! : 0) + 256) % 256));
    });
    const xrefData = deflateSync(Buffer.from(predicted));
    const bytes = Buffer.concat([
      Buffer.from(header + catalog, 'latin1'),
      objStm,
      Buffer.from(
        `5 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/DecodeParms<</Columns 7/Predictor 12>>/Length ${xrefData.length}>>\nstream\n`,
        'latin1',
      ),
      xrefData,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
    ]);
    const file = PdfFile.open(bytes);
    expect(file.recovered).toBe(false);
    expect(file.lastXrefKind).toBe('stream');
    const pages = file.pages();
    expect(pages).toHaveLength(1);
    expect(pages[0]!.mediaBox).toEqual([0, 0, 300, 400]);
  });

  it('a damaged cross-reference table is recovered, and the prepared update then carries a complete table', async () => {
    const broken = Buffer.from(
      Buffer.from(minimalPdf())
        .toString('latin1')
        .replace(/startxref\n\d+/, 'startxref\n7'),
      'latin1',
    );
    const file = PdfFile.open(broken);
    expect(file.recovered).toBe(true);
    const prepared = await prepareSigningFields({
      pdf: broken,
      fields: [{ name: 'signer', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 200, height: 80 } }],
    });
    const reopened = PdfFile.open(prepared.pdf);
    expect(reopened.recovered).toBe(false);
    expect(reopened.sections).toHaveLength(1);
    expect(reopened.sections[0]!.trailer.has('Prev')).toBe(false);
    expectQpdfClean(prepared.pdf);
  });

  it('refuses a file without the %PDF- header', () => {
    expect(() => PdfFile.open(Buffer.from('hello'))).toThrow(expect.objectContaining({ code: 'NOT_A_PDF' }));
    try {
      PdfFile.open(Buffer.from('GIF89a'));
    } catch (error) {
      expect(isPdfError(error, 'NOT_A_PDF')).toBe(true);
    }
  });
});

function be32(value: number): number[] {
  return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}
