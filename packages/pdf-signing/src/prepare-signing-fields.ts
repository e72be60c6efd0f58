import { deflateSync } from 'node:zlib';

import type { AgreementLanguage } from './agreement-texts';
import { drawDevelopmentNotice, drawEmptyFieldAppearance, type FieldKind } from './draw-field-appearances';
import { findAcroForm, listFormFields } from './find-form-fields';
import { PdfError } from './pdf-error';
import { dict, name, PdfDict, PdfRef, PdfStream, ref, serializeObjectBody, textString, type PdfValue } from './pdf-objects';
import { PdfFile, type PageInfo } from './read-pdf-file';
import { writeIncrementalUpdate, type UpdateObject } from './write-incremental-update';

export interface FieldRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FieldPlanEntry {
  /**
   * Unique field name. A "." separates name parts, as in every PDF form:
   * "signature.lni" becomes the field "lni" under a parent field "signature".
   */
  name: string;
  kind: FieldKind;
  /** 1-based page number. */
  page: number;
  /** In PDF points, in the page's user space. A zero-size seal is invisible. */
  rect: FieldRect;
  /** Drawn small inside the empty box, e.g. "Signature — Dr. Anna Schröder". */
  label?: string;
}

export interface PrepareSigningFieldsOptions {
  pdf: Uint8Array;
  fields: FieldPlanEntry[];
  /** Draws the development-certificate notice ("… not for official use") at the foot of every page. */
  developmentNotice?: boolean;
  /** The document's language: the notice is written in it (default English). */
  language?: AgreementLanguage;
  /** Draw a light box for each empty field (default true). */
  emptyAppearance?: boolean;
}

export interface PreparedField {
  name: string;
  kind: FieldKind;
  page: number;
  rect: FieldRect;
  objectNumber: number;
}

export interface PrepareSigningFieldsResult {
  /** The prepared revision: the original bytes followed by one update. */
  pdf: Uint8Array;
  increment: Uint8Array;
  fields: PreparedField[];
}

const NAME_PART = /^[^.\u0000-\u001f]{1,100}$/;

function invalidPlan(message: string): PdfError {
  return new PdfError('INVALID_FIELD_PLAN', message);
}

/**
 * "Prepare, then only fill": writes one incremental update that adds every field of
 * the plan as an empty signature field (field and widget merged in one object, its
 * widget pushed onto the page's /Annots), and the form with /SigFlags 3. This is the
 * last revision allowed to touch pages; later signatures only fill these fields.
 */
export async function prepareSigningFields(options: PrepareSigningFieldsOptions): Promise<PrepareSigningFieldsResult> {
  const file = PdfFile.open(options.pdf);
  if (file.isEncrypted) throw new PdfError('ENCRYPTED', 'This PDF is encrypted; remove the password protection before uploading it.');
  const pages = file.pages();
  if (pages.length === 0) throw new PdfError('NO_PAGES', 'This PDF has no pages.');
  validatePlan(options.fields, pages, file);

  const objects: UpdateObject[] = [];
  const pageOverrides = new Map<number, PdfDict>();
  const pageDict = (page: PageInfo): PdfDict => {
    let override = pageOverrides.get(page.ref.num);
    if (!override) {
      override = page.dict.clone();
      pageOverrides.set(page.ref.num, override);
    }
    return override;
  };
  let nextNum = file.size;
  const prepared: PreparedField[] = [];
  const newAnnots = new Map<number, PdfRef[]>();

  // Parent fields for dotted names, shared by siblings ("signature" for "signature.lni").
  const parents = new Map<string, { num: number; kids: PdfRef[]; parent?: string }>();
  const rootRefs: PdfRef[] = [];
  const parentOf = (fullName: string): string | undefined => {
    const cut = fullName.lastIndexOf('.');
    if (cut < 0) return undefined;
    const parentName = fullName.slice(0, cut);
    if (!parents.has(parentName)) {
      const grandParent = parentOf(parentName);
      const entry = { num: nextNum++, kids: [] as PdfRef[], parent: grandParent };
      parents.set(parentName, entry);
      if (grandParent) parents.get(grandParent)!.kids.push(ref(entry.num));
      else rootRefs.push(ref(entry.num));
    }
    return parentName;
  };

  for (const field of options.fields) {
    const page = pages[field.page - 1]!;
    const parentName = parentOf(field.name);
    const fieldNum = nextNum++;
    if (parentName) parents.get(parentName)!.kids.push(ref(fieldNum));
    else rootRefs.push(ref(fieldNum));
    const { x, y, width, height } = field.rect;
    const visible = width > 0 && height > 0;
    let appearance: PdfDict | undefined;
    if (visible && options.emptyAppearance !== false) {
      const drawn = await drawEmptyFieldAppearance(width, height, field.label, nextNum, page.rotate);
      objects.push(...drawn.objects);
      nextNum = drawn.nextNum;
      appearance = dict({ N: ref(drawn.num) });
    }
    const fieldDict = dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: textString(field.name.slice(field.name.lastIndexOf('.') + 1)),
      Parent: parentName ? ref(parents.get(parentName)!.num) : undefined,
      TU: field.label ? textString(field.label) : undefined,
      Rect: [x, y, x + width, y + height],
      P: page.ref,
      // Print; an invisible seal is also hidden from screen and locked against edits.
      F: visible ? 4 : 4 | 2 | 128,
      AP: appearance,
      MK: page.rotate ? dict({ R: page.rotate }) : undefined,
    });
    objects.push({ num: fieldNum, body: serializeObjectBody(fieldDict) });
    const list = newAnnots.get(page.ref.num) ?? [];
    list.push(ref(fieldNum));
    newAnnots.set(page.ref.num, list);
    prepared.push({ name: field.name, kind: field.kind, page: field.page, rect: field.rect, objectNumber: fieldNum });
  }

  // Widgets go onto /Annots directly (never through pdf-lib's addAnnot, which
  // rewrites page content and resources).
  const sharedAnnots = new Map<number, { ref: PdfRef; items: PdfValue[] }>();
  for (const page of pages) {
    const added = newAnnots.get(page.ref.num);
    if (!added) continue;
    const annots = page.dict.get('Annots');
    if (annots instanceof PdfRef) {
      // An indirect /Annots array (possibly shared by pages) is overridden once.
      const entry = sharedAnnots.get(annots.num) ?? { ref: annots, items: [...(file.resolveArray(annots) ?? [])] };
      entry.items.push(...added);
      sharedAnnots.set(annots.num, entry);
    } else {
      pageDict(page).set('Annots', [...(Array.isArray(annots) ? annots : []), ...added]);
    }
  }

  for (const { ref: annotsRef, items } of sharedAnnots.values()) {
    objects.push({ num: annotsRef.num, gen: annotsRef.gen, body: serializeObjectBody(items) });
  }

  if (options.developmentNotice) nextNum = await addDevelopmentNotice(file, pages, pageDict, objects, nextNum, options.language);

  for (const [parentName, entry] of parents) {
    const parentDict = dict({
      T: textString(parentName.slice(parentName.lastIndexOf('.') + 1)),
      Kids: entry.kids,
      Parent: entry.parent ? ref(parents.get(entry.parent)!.num) : undefined,
    });
    objects.push({ num: entry.num, body: serializeObjectBody(parentDict) });
  }
  const fieldRefs = rootRefs;
  const form = findAcroForm(file);
  const formNum = form?.ref?.num ?? nextNum++;
  const formDict = form ? form.dict.clone() : dict({ Type: name('AcroForm') });
  const fields = formDict.get('Fields');
  if (fields instanceof PdfRef) {
    objects.push({ num: fields.num, gen: fields.gen, body: serializeObjectBody([...(file.resolveArray(fields) ?? []), ...fieldRefs]) });
  } else {
    formDict.set('Fields', [...(Array.isArray(fields) ? fields : []), ...fieldRefs]);
  }
  formDict.set('SigFlags', 3);
  // Regenerated appearances or an XFA form would change what was signed.
  formDict.delete('NeedAppearances');
  formDict.delete('XFA');
  objects.push({ num: formNum, gen: form?.ref?.gen ?? 0, body: serializeObjectBody(formDict) });
  if (!form?.ref) {
    const catalog = file.catalog().clone().set('AcroForm', ref(formNum));
    objects.push({ num: file.rootRef.num, gen: file.rootRef.gen, body: serializeObjectBody(catalog) });
  }

  for (const [num, override] of pageOverrides) {
    const page = pages.find((candidate) => candidate.ref.num === num)!;
    objects.push({ num, gen: page.ref.gen, body: serializeObjectBody(override) });
  }

  const update = writeIncrementalUpdate(file, objects);
  const pdf = new Uint8Array(options.pdf.length + update.bytes.length);
  pdf.set(options.pdf, 0);
  pdf.set(update.bytes, options.pdf.length);
  return { pdf, increment: update.bytes, fields: prepared };
}

function validatePlan(plan: FieldPlanEntry[], pages: PageInfo[], file: PdfFile): void {
  if (plan.length === 0) throw invalidPlan('The field plan is empty.');
  const existing = listFormFields(file).map((field) => field.fullName);
  const names = [...existing, ...plan.map((field) => field.name)];
  for (const field of plan) {
    if (!field.name.split('.').every((part) => NAME_PART.test(part))) {
      throw invalidPlan(`The field name "${field.name}" is invalid: use parts of 1–100 characters separated by ".".`);
    }
    // A name may be neither used twice nor the parent of another field's name.
    const clashes = names.filter((other) => other === field.name || other.startsWith(`${field.name}.`) || field.name.startsWith(`${other}.`));
    if (clashes.length > 1) throw invalidPlan(`The field name "${field.name}" clashes with "${clashes.find((c) => c !== field.name) ?? field.name}".`);
    // New parent fields are created here, so an existing form must not use their names.
    const parts = field.name.split('.');
    for (let depth = 1; depth < parts.length; depth++) {
      const parentName = parts.slice(0, depth).join('.');
      const taken = existing.find((other) => other === parentName || other.startsWith(`${parentName}.`));
      if (taken) throw invalidPlan(`The field name "${field.name}" clashes with the document's existing field "${taken}".`);
    }
    if (!Number.isInteger(field.page) || field.page < 1 || field.page > pages.length) {
      throw invalidPlan(`The field "${field.name}" is on page ${field.page}, but the document has ${pages.length} pages.`);
    }
    const { x, y, width, height } = field.rect;
    if (![x, y, width, height].every(Number.isFinite) || width < 0 || height < 0) {
      throw invalidPlan(`The field "${field.name}" has an invalid rectangle.`);
    }
    const invisible = width === 0 && height === 0;
    if (invisible && field.kind !== 'seal') throw invalidPlan(`Only the seal may be invisible; "${field.name}" needs a size.`);
    if (!invisible && (width < 4 || height < 4)) throw invalidPlan(`The field "${field.name}" is too small to hold a signature.`);
    const box = pages[field.page - 1]!.mediaBox;
    const tolerance = 1;
    if (!invisible && (x < box[0] - tolerance || y < box[1] - tolerance || x + width > box[2] + tolerance || y + height > box[3] + tolerance)) {
      throw invalidPlan(`The field "${field.name}" lies outside page ${field.page}.`);
    }
  }
}

/**
 * The notice is a Form XObject drawn once and placed on every page, at the visual foot
 * of the crop box whatever the page's /Rotate. The existing content is wrapped in
 * q … Q so that its graphics state cannot move the notice.
 */
async function addDevelopmentNotice(
  file: PdfFile,
  pages: PageInfo[],
  pageDict: (page: PageInfo) => PdfDict,
  objects: UpdateObject[],
  firstNum: number,
  language: AgreementLanguage | undefined,
): Promise<number> {
  const notice = await drawDevelopmentNotice(firstNum, language);
  objects.push(...notice.objects);
  let nextNum = notice.nextNum;
  const saveNum = nextNum++;
  const restoreNum = nextNum++;
  objects.push({ num: saveNum, body: serializeObjectBody(new PdfStream(new PdfDict(), Buffer.from('q\n'))) });
  objects.push({ num: restoreNum, body: serializeObjectBody(new PdfStream(new PdfDict(), Buffer.from('\nQ\n'))) });

  for (const page of pages) {
    const override = pageDict(page);
    const resources = file.resolveDict(page.resources) ?? new PdfDict();
    const xobjects = file.resolveDict(resources.get('XObject'))?.clone() ?? new PdfDict();
    let xobjectName = 'AccordDevNotice';
    for (let i = 1; xobjects.has(xobjectName); i++) xobjectName = `AccordDevNotice${i}`;
    xobjects.set(xobjectName, ref(notice.num));
    override.set('Resources', resources.clone().set('XObject', xobjects));

    const matrix = noticeMatrix(page, notice.width);
    const placement = `q ${matrix.map((n) => n.toFixed(3)).join(' ')} cm /${xobjectName} Do Q\n`;
    const streamNum = nextNum++;
    objects.push({
      num: streamNum,
      body: serializeObjectBody(new PdfStream(dict({ Filter: name('FlateDecode') }), deflateSync(Buffer.from(placement)))),
    });
    const contents = page.dict.get('Contents');
    const resolvedContents = contents instanceof PdfRef ? file.resolve(contents) : contents;
    const existing: PdfValue[] = Array.isArray(resolvedContents) ? resolvedContents : contents === undefined ? [] : [contents];
    override.set('Contents', [ref(saveNum), ...existing, ref(restoreNum), ref(streamNum)]);
  }
  return nextNum;
}

function noticeMatrix(page: PageInfo, width: number): [number, number, number, number, number, number] {
  const [x0, y0, x1, y1] = page.cropBox;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const margin = 9;
  switch (page.rotate) {
    case 90:
      return [0, 1, -1, 0, x1 - margin, cy - width / 2];
    case 180:
      return [-1, 0, 0, -1, cx + width / 2, y1 - margin];
    case 270:
      return [0, -1, 1, 0, x0 + margin, cy + width / 2];
    default:
      return [1, 0, 0, 1, cx - width / 2, y0 + margin];
  }
}
