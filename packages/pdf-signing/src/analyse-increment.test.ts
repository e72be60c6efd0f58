import { beforeAll, describe, expect, it } from 'vitest';

import { analyseIncrement, assertOnlyAllowedChanges, type ChangeKind } from './analyse-increment';
import { listFormFields } from './find-form-fields';
import { isPdfError } from './pdf-error';
import { dict, name, PdfRef, ref, serializeObjectBody } from './pdf-objects';
import { prepareSigningFields } from './prepare-signing-fields';
import { PdfFile } from './read-pdf-file';
import { signPreparedFields } from './sign-prepared-fields';
import { appendUpdate } from './testing/attack-corpus';
import { appearanceFor, simplePdf, testIdentity } from './testing/fixtures';

/** The difference classifier on small hand-built revisions of a two-page prepared document. */

let prepared: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  const { identity } = await testIdentity();
  prepared = (
    await prepareSigningFields({
      pdf: await simplePdf({ pages: 2 }),
      fields: [
        { name: 'first', kind: 'signature', page: 1, rect: { x: 60, y: 100, width: 200, height: 80 } },
        { name: 'second', kind: 'signature', page: 2, rect: { x: 60, y: 100, width: 200, height: 80 } },
      ],
    })
  ).pdf;
  signed = (
    await signPreparedFields({
      pdf: prepared,
      fields: ['first'],
      appearance: appearanceFor('lni'),
      signature: { name: 'A', reason: 'r', location: 'l' },
      identity,
    })
  ).pdf;
});

const kinds = (previous: Uint8Array, next: Uint8Array) =>
  analyseIncrement(previous, next).changes.map((change) => [change.kind, change.allowed] as [ChangeKind, boolean]);
const body = serializeObjectBody;

describe('analyseIncrement', () => {
  it('filling a prepared field: the signature, its appearance — all allowed', () => {
    const analysis = analyseIncrement(prepared, signed);
    expect(analysis.filledFields).toEqual(['first']);
    expect(analysis.changes.every((change) => change.allowed)).toBe(true);
    expect(analysis.changes.map((change) => change.kind)).toEqual(expect.arrayContaining(['field-filled', 'signature-appearance']));
  });

  it('a second signature on top: allowed, and the app check passes for a run of updates', async () => {
    const { identity } = await testIdentity();
    const both = (
      await signPreparedFields({
        pdf: prepared,
        fields: ['first', 'second'],
        appearance: appearanceFor('kosmo'),
        signature: { name: 'B', reason: 'r', location: 'l' },
        identity,
      })
    ).pdf;
    expect(assertOnlyAllowedChanges(prepared, both).map((analysis) => analysis.filledFields)).toEqual([['first'], ['second']]);
  });

  it('DSS added to the catalog: allowed', () => {
    const next = appendUpdate(signed, (file, nextNum) => {
      const dss = nextNum();
      return [
        { num: dss, body: body(dict({ Type: name('DSS'), Certs: [] })) },
        { num: file.rootRef.num, body: body(file.catalog().clone().set('DSS', ref(dss))) },
      ];
    });
    const changes = kinds(signed, next);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every(([kind, allowed]) => kind === 'dss' && allowed)).toBe(true);
  });

  it('a page redefined, its content replaced: page-content', () => {
    const next = appendUpdate(signed, (file) => {
      const page = file.pages()[1]!;
      return [{ num: page.ref.num, body: body(page.dict.clone().set('Contents', [])) }];
    });
    expect(kinds(signed, next)).toEqual([['page-content', false]]);
    expect(analyseIncrement(signed, next).changes[0]).toMatchObject({ page: 2 });
  });

  it('a catalog entry added: catalog, named by key', () => {
    const next = appendUpdate(signed, (file) => [{ num: file.rootRef.num, body: body(file.catalog().clone().set('PageMode', name('FullScreen'))) }]);
    expect(analyseIncrement(signed, next).changes).toEqual([expect.objectContaining({ kind: 'catalog', allowed: false, key: 'PageMode' })]);
  });

  it('the trailer pointing to another catalog: catalog', () => {
    const next = appendUpdate(signed, (file, nextNum) => {
      const copy = nextNum();
      return [{ num: copy, body: body(file.catalog()) }];
    });
    const forged = Buffer.from(
      Buffer.from(next)
        .toString('latin1')
        .replace(/\/Root \d+ 0 R(?![^]*\/Root)/, (match) =>
          match.replace(/\d+/, String(PdfFile.open(next, { requireEndMarker: false }).size - 1)).padEnd(match.length, ' '),
        ),
      'latin1',
    );
    expect(kinds(signed, new Uint8Array(forged)).map(([kind]) => kind)).toContain('catalog');
  });

  it('a signed field given another signature value: unsigned-signature', () => {
    const next = appendUpdate(signed, (file, nextNum) => {
      const field = listFormFields(file).find((candidate) => candidate.fullName === 'first')!;
      const other = nextNum();
      return [
        { num: other, body: body(dict({ Type: name('Sig') })) },
        { num: field.ref.num, body: body(field.dict.clone().set('V', ref(other))) },
      ];
    });
    expect(kinds(signed, next)).toContainEqual(['unsigned-signature', false]);
  });

  it('an object deleted (free entry): object-deleted', () => {
    const file = PdfFile.open(signed, { requireEndMarker: false });
    const xrefAt = signed.length + 1;
    const update = `\nxref\n1 1\n0000000000 00001 f\r\ntrailer\n<</Size ${file.size}/Root ${file.rootRef.num} 0 R/Prev ${file.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const next = new Uint8Array(Buffer.concat([signed, Buffer.from(update, 'latin1')]));
    expect(kinds(signed, next)).toEqual([['object-deleted', false]]);
  });

  it('an object written but left out of the cross-reference section: hidden-object', () => {
    const hidden = Buffer.from('\n999 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n', 'latin1');
    const base = new Uint8Array(Buffer.concat([signed, hidden]));
    const next = appendUpdate(base, (file) => [{ num: file.rootRef.num, body: body(file.catalog()) }]);
    expect(analyseIncrement(signed, next).changes).toContainEqual(expect.objectContaining({ kind: 'hidden-object', allowed: false, objectNumber: 999 }));
  });

  it('two cross-reference sections in one update: hidden-xref', () => {
    const once = appendUpdate(signed, (file) => [{ num: file.rootRef.num, body: body(file.catalog()) }]);
    const twice = appendUpdate(once, (file) => [{ num: file.rootRef.num, body: body(file.catalog()) }]);
    expect(kinds(signed, twice).map(([kind]) => kind)).toContain('hidden-xref');
  });

  it('an earlier revision that is not a prefix: rejected outright', () => {
    const changed = Buffer.from(signed);
    changed[100] = changed[100]! ^ 1;
    expect(kinds(prepared, changed)).toEqual([['object-redefined', false]]);
  });

  it('assertOnlyAllowedChanges throws DISALLOWED_CHANGE with the change named', () => {
    const next = appendUpdate(signed, (file) => {
      const formRef = file.catalog().get('AcroForm') as PdfRef;
      return [{ num: formRef.num, body: body(file.resolveDict(formRef)!.clone().set('NeedAppearances', true)) }];
    });
    expect(() => assertOnlyAllowedChanges(signed, next)).toThrow(
      expect.toSatisfy((error) => isPdfError(error, 'DISALLOWED_CHANGE') && /NeedAppearances/.test((error as Error).message)),
    );
  });
});
