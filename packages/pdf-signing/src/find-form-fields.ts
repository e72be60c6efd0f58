import { PdfError } from './pdf-error';
import { decodeTextString, PdfDict, PdfRef, PdfString } from './pdf-objects';
import type { PdfFile } from './read-pdf-file';

export interface FormField {
  /** Fully qualified name: the /T of the field and its ancestors joined by ".". */
  fullName: string;
  ref: PdfRef;
  dict: PdfDict;
  /** /FT, inherited from ancestors when the field itself has none. */
  fieldType: string | undefined;
  /** Widgets: the field itself when field and widget are merged, else its widget kids. */
  widgets: { ref: PdfRef; dict: PdfDict }[];
  /** /V present (for a signature field: it is signed). */
  hasValue: boolean;
}

const MAX_FIELDS = 10_000;

/** The AcroForm dictionary and the reference that holds it (undefined when it is direct). */
export function findAcroForm(file: PdfFile): { ref: PdfRef | undefined; dict: PdfDict } | undefined {
  const value = file.catalog().get('AcroForm');
  if (value instanceof PdfRef) {
    const formDict = file.resolveDict(value);
    return formDict ? { ref: value, dict: formDict } : undefined;
  }
  return value instanceof PdfDict ? { ref: undefined, dict: value } : undefined;
}

/** Every terminal field of the form, walking /Fields and /Kids with a visited set. */
export function listFormFields(file: PdfFile): FormField[] {
  const form = findAcroForm(file);
  if (!form) return [];
  const roots = file.resolveArray(form.dict.get('Fields')) ?? [];
  const fields: FormField[] = [];
  const visited = new Set<number>();
  const stack: { ref: PdfRef; parentName: string; inheritedType: string | undefined }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const root = roots[i];
    if (root instanceof PdfRef) stack.push({ ref: root, parentName: '', inheritedType: undefined });
  }
  while (stack.length > 0) {
    const { ref: fieldRef, parentName, inheritedType } = stack.pop()!;
    if (visited.has(fieldRef.num)) continue;
    visited.add(fieldRef.num);
    if (visited.size > MAX_FIELDS) throw new PdfError('MALFORMED', 'This PDF’s form has too many fields.');
    const fieldDict = file.resolveDict(fieldRef);
    if (!fieldDict) continue;
    const partial = fieldDict.get('T');
    const partialName = partial instanceof PdfString ? decodeTextString(partial) : undefined;
    const fullName = partialName === undefined ? parentName : parentName ? `${parentName}.${partialName}` : partialName;
    const fieldType = fieldDict.nameOf('FT') ?? inheritedType;
    const kids = (file.resolveArray(fieldDict.get('Kids')) ?? []).filter((kid): kid is PdfRef => kid instanceof PdfRef);
    const kidDicts = kids.map((kid) => ({ ref: kid, dict: file.resolveDict(kid) }));
    const childFields = kidDicts.filter(({ dict: kid }) => kid && kid.has('T'));
    if (childFields.length > 0) {
      for (let i = kidDicts.length - 1; i >= 0; i--) stack.push({ ref: kidDicts[i]!.ref, parentName: fullName, inheritedType: fieldType });
      continue;
    }
    const widgets =
      kids.length > 0 ? kidDicts.filter((kid): kid is { ref: PdfRef; dict: PdfDict } => kid.dict !== undefined) : [{ ref: fieldRef, dict: fieldDict }];
    fields.push({ fullName, ref: fieldRef, dict: fieldDict, fieldType, widgets, hasValue: fieldDict.has('V') });
  }
  return fields;
}

export function findSignatureField(file: PdfFile, fieldName: string): FormField {
  const field = listFormFields(file).find((candidate) => candidate.fullName === fieldName);
  if (!field) throw new PdfError('FIELD_NOT_FOUND', `The document has no prepared field named "${fieldName}".`);
  if (field.fieldType !== 'Sig') throw new PdfError('FIELD_NOT_FOUND', `The field "${fieldName}" is not a signature field.`);
  if (field.hasValue) throw new PdfError('FIELD_ALREADY_SIGNED', `The field "${fieldName}" is already signed.`);
  if (field.widgets.length !== 1) {
    throw new PdfError('UNSUPPORTED', `The field "${fieldName}" has ${field.widgets.length} widgets; a signature field needs exactly one.`);
  }
  return field;
}
