import { deflateSync } from 'node:zlib';

import { createDevelopmentCertificate } from '../create-development-certificate';
import { listFormFields } from '../find-form-fields';
import { generateAgreementPdf } from '../generate-agreement-pdf';
import { loadSigningIdentity, type SigningIdentity } from '../load-signing-identity';
import { dict, literalString, name, PdfDict, PdfRef, PdfStream, ref, serializeObjectBody, type PdfValue } from '../pdf-objects';
import { prepareSigningFields } from '../prepare-signing-fields';
import { PdfFile } from '../read-pdf-file';
import { sealDocument } from '../seal-document';
import { signPreparedFields } from '../sign-prepared-fields';
import { writeIncrementalUpdate, type UpdateObject } from '../write-incremental-update';
import { appearanceFor, KOSMO, LNI, testIdentity } from './fixtures';

/**
 * The forger's corpus, built from the app's own output: the reference agreement (LNI 4.0 ×
 * KOSMO) as prepared when signing opens and as it stands after the first minister signed,
 * then each attack of the PDF-Insecurity studies applied to it the way a forger would,
 * through incremental updates appended to the genuine bytes.
 */

export interface GenuineOutputs {
  identity: SigningIdentity;
  prepared: Uint8Array;
  /** After the first signatory (LNI) signed. */
  afterFirst: Uint8Array;
  /** Both signatories and the platform seal. */
  sealed: Uint8Array;
  /** First signature's byte range. */
  firstRange: [number, number, number, number];
}

const concat = (a: Uint8Array, b: Uint8Array) => new Uint8Array(Buffer.concat([a, b]));

export async function genuineOutputs(): Promise<GenuineOutputs> {
  const { identity } = await testIdentity();
  const agreement = await generateAgreementPdf({ language: 'en', parties: [LNI, KOSMO] });
  const [lniArea, kosmoArea] = agreement.signatureAreas;
  const prepared = (
    await prepareSigningFields({
      pdf: agreement.bytes,
      developmentNotice: true,
      fields: [
        { name: 'signature-lni', kind: 'signature', page: lniArea!.page, rect: lniArea!.rect },
        { name: 'signature-kosmo', kind: 'signature', page: kosmoArea!.page, rect: kosmoArea!.rect },
        { name: 'accord-seal', kind: 'seal', page: agreement.pageCount, rect: { x: 0, y: 0, width: 0, height: 0 } },
      ],
    })
  ).pdf;
  const sign = (pdf: Uint8Array, field: string, who: 'lni' | 'kosmo', signerName: string) =>
    signPreparedFields({
      pdf,
      fields: [field],
      appearance: appearanceFor(who),
      signature: { name: signerName, reason: 'Signed for the party', location: 'Berlin / Seoul' },
      identity,
    });
  const first = await sign(prepared, 'signature-lni', 'lni', LNI.signatoryName);
  const second = await sign(first.pdf, 'signature-kosmo', 'kosmo', KOSMO.signatoryName);
  const sealed = (await sealDocument({ pdf: second.pdf, fieldName: 'accord-seal', kind: 'platform-signature', identity })).pdf;
  return { identity, prepared, afterFirst: first.pdf, sealed, firstRange: first.fields[0]!.byteRange };
}

/** One incremental update with the given objects, appended to the genuine bytes. */
export function appendUpdate(pdf: Uint8Array, build: (file: PdfFile, nextNum: () => number) => UpdateObject[]): Uint8Array {
  const file = PdfFile.open(pdf, { requireEndMarker: false });
  let next = file.size;
  const objects = build(file, () => next++);
  return concat(pdf, writeIncrementalUpdate(file, objects).bytes);
}

const body = (value: PdfValue) => serializeObjectBody(value);

function textStream(text: string): PdfStream {
  const content = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  return new PdfStream(dict({ Filter: name('FlateDecode') }), deflateSync(Buffer.from(content, 'latin1')));
}

function firstPage(file: PdfFile) {
  return file.pages()[0]!;
}

let mallory: Promise<SigningIdentity> | undefined;
/** A self-made certificate "CN=Mallory" under a CA of the forger's own. */
export function malloryIdentity(): Promise<SigningIdentity> {
  mallory ??= (async () => {
    const made = await createDevelopmentCertificate({ commonName: 'Mallory' });
    return loadSigningIdentity({ kind: 'pem', privateKeyPem: made.privateKeyPem, certificatePem: made.certificatePem, chainPem: made.caCertificatePem });
  })();
  return mallory;
}

/** Adds a new field in a new update and signs it as Mallory (a "sneaky signature"). */
export async function signAsMallory(pdf: Uint8Array, page = 1): Promise<Uint8Array> {
  const prepared = await prepareSigningFields({
    pdf,
    fields: [{ name: 'mallory', kind: 'signature', page, rect: { x: 40, y: 40, width: 160, height: 60 } }],
    emptyAppearance: false,
  });
  const signed = await signPreparedFields({
    pdf: prepared.pdf,
    fields: ['mallory'],
    appearance: { ...appearanceFor('lni', false), typedSignature: 'Mallory', signerName: 'Mallory' },
    signature: { name: 'Mallory', reason: 'Approved', location: 'Nowhere' },
    identity: await malloryIdentity(),
  });
  return signed.pdf;
}

export type AttackName =
  | 'shadow-hide'
  | 'shadow-replace'
  | 'shadow-hide-and-replace'
  | 'page-text-replaced-and-signed-by-mallory'
  | 'evil-annotation'
  | 'sneaky-signature'
  | 'catalog-change'
  | 'need-appearances'
  | 'usf'
  | 'isa'
  | 'isa-hidden-object'
  | 'swa'
  | 'appearance-without-signature'
  | 'byte-flip'
  | 'truncation'
  | 'appended-bytes';

/** Every attack on the genuine outputs. Most start from the original after the first signature. */
export async function buildAttacks(genuine: GenuineOutputs): Promise<Record<AttackName, Uint8Array>> {
  const base = genuine.afterFirst;

  // Shadow "hide": an overlay added to page 1 hides the signed text (page content changed).
  const hide = appendUpdate(base, (file, nextNum) => {
    const page = firstPage(file);
    const overlay = nextNum();
    const contents = page.dict.get('Contents');
    const list = Array.isArray(contents) ? contents : contents ? [contents] : [];
    return [
      { num: overlay, body: body(new PdfStream(dict({}), Buffer.from('q 1 1 1 rg 0 0 595 842 re f Q', 'latin1'))) },
      { num: page.ref.num, body: body(page.dict.clone().set('Contents', [...list, ref(overlay)])) },
    ];
  });

  // Shadow "replace": the content stream object itself is redefined with other text.
  const replace = appendUpdate(base, (file) => {
    const page = firstPage(file);
    const contents = page.dict.get('Contents');
    const target = Array.isArray(contents) ? contents[0] : contents;
    if (!(target instanceof PdfRef)) throw new Error('page 1 has no indirect content stream');
    return [{ num: target.num, body: body(textStream('The parties agree to nothing.')) }];
  });

  // Shadow "hide-and-replace": a whole new page tree, swapped in through the catalog.
  const hideAndReplace = appendUpdate(base, (file, nextNum) => {
    const catalog = file.catalog();
    const pages = nextNum();
    const page = nextNum();
    const content = nextNum();
    const font = nextNum();
    return [
      { num: content, body: body(textStream('A different agreement.')) },
      { num: font, body: body(dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica') })) },
      {
        num: page,
        body: body(
          dict({
            Type: name('Page'),
            Parent: ref(pages),
            MediaBox: [0, 0, 595, 842],
            Contents: ref(content),
            Resources: dict({ Font: dict({ F1: ref(font) }) }),
          }),
        ),
      },
      { num: pages, body: body(dict({ Type: name('Pages'), Kids: [ref(page)], Count: 1 })) },
      { num: file.rootRef.num, body: body(catalog.clone().set('Pages', ref(pages))) },
    ];
  });

  // The page-text forgery: replace page 1's text, then sign the result as Mallory in a new field.
  const replacedAndSigned = await signAsMallory(replace);

  // Evil annotation: a FreeText annotation on page 1 that covers the signed text.
  const evil = appendUpdate(base, (file, nextNum) => {
    const page = firstPage(file);
    const annotation = nextNum();
    const annots = file.resolveArray(page.dict.get('Annots')) ?? [];
    return [
      {
        num: annotation,
        body: body(
          dict({
            Type: name('Annot'),
            Subtype: name('FreeText'),
            Rect: [60, 600, 540, 760],
            Contents: literalString('Amount: 0 EUR'),
            DA: literalString('/Helv 18 Tf 0 g'),
          }),
        ),
      },
      { num: page.ref.num, body: body(page.dict.clone().set('Annots', [...annots, ref(annotation)])) },
    ];
  });

  const sneaky = await signAsMallory(base);

  const catalogChange = appendUpdate(base, (file, nextNum) => {
    const action = nextNum();
    return [
      { num: action, body: body(dict({ S: name('JavaScript'), JS: literalString('app.alert("signed")') })) },
      { num: file.rootRef.num, body: body(file.catalog().clone().set('OpenAction', ref(action))) },
    ];
  });

  const needAppearances = appendUpdate(base, (file) => {
    const formRef = file.catalog().get('AcroForm');
    if (!(formRef instanceof PdfRef)) throw new Error('no indirect AcroForm');
    return [{ num: formRef.num, body: body(file.resolveDict(formRef)!.clone().set('NeedAppearances', true)) }];
  });

  // USF: the second field gets a signature dictionary with nothing to check.
  const usf = appendUpdate(base, (file, nextNum) => {
    const field = listFormFields(file).find((candidate) => candidate.fullName === 'signature-kosmo')!;
    const signature = nextNum();
    return [
      {
        num: signature,
        body: body(dict({ Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('ETSI.CAdES.detached'), Name: literalString('Mallory') })),
      },
      { num: field.ref.num, body: body(field.dict.clone().set('V', ref(signature))) },
    ];
  });

  // ISA: an unsigned update after the last signature (the page text replaced, nobody signs).
  const isa = replace;

  // ISA with a hidden object: the next (genuine) signature's update carries an extra
  // definition of page 1 that its cross-reference section does not list.
  const isaHidden = await (async () => {
    const file = PdfFile.open(base, { requireEndMarker: false });
    const page = firstPage(file);
    const hidden = Buffer.from(`\n${page.ref.num} 0 obj\n${Buffer.from(body(page.dict.clone().set('Rotate', 180))).toString('latin1')}\nendobj\n`, 'latin1');
    const withHidden = concat(base, hidden);
    const signed = await signPreparedFields({
      pdf: withHidden,
      fields: ['signature-kosmo'],
      appearance: appearanceFor('kosmo'),
      signature: { name: KOSMO.signatoryName, reason: 'Signed', location: 'Seoul' },
      identity: genuine.identity,
    });
    return signed.pdf;
  })();

  // SWA: the first signature's byte range moved so that it skips more than its /Contents.
  const swa = (() => {
    const bytes = Buffer.from(base);
    const [, l1, s2, l2] = genuine.firstRange;
    const text = bytes.toString('latin1');
    const original = `/ByteRange [${genuine.firstRange.join(' ')}]`;
    const at = text.indexOf(original);
    const forged = `/ByteRange [0 ${l1} ${s2 + 64} ${l2 - 64}]`.padEnd(original.length, ' ');
    bytes.write(forged, at, 'latin1');
    return new Uint8Array(bytes);
  })();

  // A prepared field that is still unsigned gets a drawn appearance.
  const apWithoutSignature = appendUpdate(base, (file, nextNum) => {
    const field = listFormFields(file).find((candidate) => candidate.fullName === 'signature-kosmo')!;
    const appearance = nextNum();
    return [
      {
        num: appearance,
        body: body(
          new PdfStream(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 200, 80] }), Buffer.from('0 0 1 rg 0 0 200 80 re f', 'latin1')),
        ),
      },
      { num: field.ref.num, body: body(field.dict.clone().set('AP', new PdfDict().set('N', ref(appearance)))) },
    ];
  });

  const flipped = Buffer.from(genuine.sealed);
  const flipAt = Math.floor(genuine.firstRange[1] / 2);
  flipped[flipAt] = flipped[flipAt]! ^ 0x01;

  return {
    'shadow-hide': hide,
    'shadow-replace': replace,
    'shadow-hide-and-replace': hideAndReplace,
    'page-text-replaced-and-signed-by-mallory': replacedAndSigned,
    'evil-annotation': evil,
    'sneaky-signature': sneaky,
    'catalog-change': catalogChange,
    'need-appearances': needAppearances,
    usf,
    isa,
    'isa-hidden-object': isaHidden,
    swa,
    'appearance-without-signature': apWithoutSignature,
    'byte-flip': new Uint8Array(flipped),
    truncation: genuine.sealed.subarray(0, genuine.sealed.length - 200),
    'appended-bytes': concat(genuine.sealed, Buffer.from('\n% a note added later\n', 'latin1')),
  };
}
