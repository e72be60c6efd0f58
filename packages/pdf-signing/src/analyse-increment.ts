import { listFormFields, type FormField } from './find-form-fields';
import { PdfError } from './pdf-error';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import { asBuffer, indexOfAscii, isWhitespace, latin1, PdfLexer } from './parse-pdf-object';
import { PdfFile } from './read-pdf-file';

/**
 * Difference analysis of one incremental update: which objects the update defines, and
 * whether each change is one a signed document may receive (filling a field that was
 * prepared empty, a later signature's own objects, DSS entries, a document timestamp)
 * or a disallowed one (page content, annotations, new fields, catalog entries,
 * redefined or hidden objects, a hidden cross-reference section, a signature value that
 * signs nothing). Only the update's own bytes and the objects it names are read, so the
 * cost does not grow with the document's pages.
 */

export type ChangeKind =
  // allowed
  | 'field-filled'
  | 'signature-added'
  | 'signature-appearance'
  | 'form-sigflags'
  | 'dss'
  // disallowed
  | 'page-content'
  | 'page-resources'
  | 'annotation'
  | 'field-added'
  | 'field-removed'
  | 'catalog'
  | 'form-flags'
  | 'object-redefined'
  | 'object-deleted'
  | 'hidden-object'
  | 'hidden-xref'
  | 'unsigned-signature'
  | 'appearance-without-signature'
  | 'trailer'
  | 'signature-not-at-revision-end'
  | 'unreadable-update';

export interface RevisionChange {
  kind: ChangeKind;
  allowed: boolean;
  /** Plain English, naming the object, field, page or key. */
  description: string;
  objectNumber?: number;
  fieldName?: string;
  /** 1-based. */
  page?: number;
  key?: string;
}

export interface IncrementAnalysis {
  /** Byte offsets of the update in the file: [start, end). */
  start: number;
  end: number;
  changes: RevisionChange[];
  /** Fields that received their signature in this update. */
  filledFields: string[];
}

const allowed = (kind: ChangeKind, description: string, extra: Partial<RevisionChange> = {}): RevisionChange => ({
  kind,
  allowed: true,
  description,
  ...extra,
});
const disallowed = (kind: ChangeKind, description: string, extra: Partial<RevisionChange> = {}): RevisionChange => ({
  kind,
  allowed: false,
  description,
  ...extra,
});

const MAX_OBJECTS_PER_UPDATE = 100_000;

/** The end of each revision: just after each cross-reference section's %%EOF (and its line end), ascending. */
export function revisionEnds(file: PdfFile): number[] {
  const bytes = file.bytes;
  const ends = new Set<number>();
  for (const section of file.sections) {
    if (section.offset < 0) continue;
    const at = indexOfAscii(bytes, '%%EOF', section.offset);
    if (at < 0) continue;
    let end = at + 5;
    if (bytes[end] === 0x0d) end++;
    if (bytes[end] === 0x0a) end++;
    ends.add(end);
  }
  return [...ends].sort((a, b) => a - b);
}

/**
 * Analyses the update that turns `previous` into `next` (`previous` must be a
 * byte-identical prefix of `next`; otherwise the whole difference is one disallowed change).
 */
export function analyseIncrement(previous: Uint8Array, next: Uint8Array, options: { prefixKnown?: boolean; nextFile?: PdfFile } = {}): IncrementAnalysis {
  const start = previous.length;
  const end = next.length;
  const result: IncrementAnalysis = { start, end, changes: [], filledFields: [] };
  if (end <= start || (!options.prefixKnown && asBuffer(next).compare(asBuffer(previous), 0, start, 0, start) !== 0)) {
    result.changes.push(
      disallowed('object-redefined', 'The earlier revision is not an unchanged prefix of the later one: bytes that were signed were rewritten.'),
    );
    return result;
  }
  let before: PdfFile;
  let after: PdfFile;
  try {
    before = PdfFile.open(previous, { requireEndMarker: false });
    after = options.nextFile?.bytes === next ? options.nextFile : PdfFile.open(next, { requireEndMarker: false });
  } catch (error) {
    result.changes.push(disallowed('unreadable-update', `The update cannot be read (${(error as Error).message}).`));
    return result;
  }
  if (before.recovered || after.recovered) {
    result.changes.push(disallowed('unreadable-update', 'The cross-reference structure is damaged, so what the update changes cannot be established.'));
    return result;
  }
  try {
    classify(before, after, result);
  } catch (error) {
    result.changes.push(disallowed('unreadable-update', `The update cannot be analysed (${(error as Error).message}).`));
  }
  return result;
}

/**
 * The app's own check before it stores a new revision (one or more updates appended to
 * `previous`): throws when any update makes a disallowed change.
 */
export function assertOnlyAllowedChanges(previous: Uint8Array, next: Uint8Array): IncrementAnalysis[] {
  const start = previous.length;
  const analyses: IncrementAnalysis[] = [];
  if (next.length <= start || asBuffer(next).compare(asBuffer(previous), 0, start, 0, start) !== 0) {
    analyses.push(analyseIncrement(previous, next));
  } else {
    let ends: number[];
    let nextFile: PdfFile | undefined;
    try {
      nextFile = PdfFile.open(next, { requireEndMarker: false });
      ends = revisionEnds(nextFile).filter((end) => end > start);
    } catch {
      ends = [];
    }
    if (ends.at(-1) !== next.length) ends.push(next.length);
    let from = start;
    for (const end of ends) {
      const upTo = end === next.length ? next : next.subarray(0, end);
      analyses.push(analyseIncrement(next.subarray(0, from), upTo, { prefixKnown: true, nextFile }));
      from = end;
    }
  }
  const wrong = analyses.flatMap((analysis) => analysis.changes.filter((change) => !change.allowed));
  if (wrong.length > 0) {
    throw new PdfError(
      'DISALLOWED_CHANGE',
      `The new revision makes a change a signed document may not receive: ${wrong.map((change) => change.description).join(' ')}`,
    );
  }
  return analyses;
}

interface WalkedObject {
  offset: number;
  gen: number;
  value: PdfValue;
}

/** Reads the update's bytes in order: objects, one cross-reference section, startxref, %%EOF. */
function walkUpdate(after: PdfFile, start: number, end: number, changes: RevisionChange[]) {
  const bytes = after.bytes;
  const objects = new Map<number, WalkedObject>();
  const xrefOffsets: number[] = [];
  const lexer = new PdfLexer(bytes, start);
  const resolveLength = (ref: PdfRef) => {
    try {
      const value = after.getObject(ref.num);
      return typeof value === 'number' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  while (lexer.pos < end) {
    lexer.skipWhitespaceAndComments();
    if (lexer.pos >= end) break;
    const at = lexer.pos;
    const token = lexer.peekRegularToken();
    if (/^\d+$/.test(token)) {
      const object = lexer.parseIndirectObject(resolveLength);
      lexer.expectKeyword('endobj');
      if (object.value instanceof PdfStream && object.value.dict.nameOf('Type') === 'XRef') {
        xrefOffsets.push(at);
        continue;
      }
      if (objects.has(object.num)) {
        changes.push(disallowed('object-redefined', `Object ${object.num} is defined twice in the same update.`, { objectNumber: object.num }));
      }
      objects.set(object.num, { offset: at, gen: object.gen, value: object.value });
      if (objects.size > MAX_OBJECTS_PER_UPDATE) throw new PdfError('MALFORMED', 'the update defines too many objects');
    } else if (token === 'xref') {
      xrefOffsets.push(at);
      const trailerAt = indexOfAscii(bytes, 'trailer', at);
      if (trailerAt < 0 || trailerAt >= end) throw new PdfError('MALFORMED', 'a cross-reference table without a trailer');
      lexer.pos = trailerAt + 'trailer'.length;
      lexer.parseDirectValue();
    } else if (token === 'startxref') {
      lexer.pos += token.length;
      lexer.readInteger();
      let pos = lexer.pos;
      while (pos < end && isWhitespace(bytes[pos])) pos++;
      if (latin1(bytes, pos, pos + 5) !== '%%EOF') throw new PdfError('MALFORMED', 'startxref is not followed by %%EOF');
      lexer.pos = pos + 5;
    } else {
      changes.push(disallowed('unreadable-update', `The update holds bytes that are neither an object nor a cross-reference section (at byte ${at}).`));
      break;
    }
  }
  return { objects, xrefOffsets };
}

function classify(before: PdfFile, after: PdfFile, result: IncrementAnalysis): void {
  const { start, end, changes } = result;
  const { objects, xrefOffsets } = walkUpdate(after, start, end, changes);
  const sections = after.sections.filter((section) => section.offset >= start);
  const section = after.sections[0];
  if (!section || section.offset < start || section.offset >= end) {
    changes.push(disallowed('hidden-xref', 'The update has no cross-reference section of its own: the file’s newest section is elsewhere.'));
    return;
  }
  if (sections.length !== 1 || xrefOffsets.length !== 1) {
    changes.push(
      disallowed(
        'hidden-xref',
        `The update holds ${Math.max(sections.length, xrefOffsets.length)} cross-reference sections; one is expected (a hidden section can redefine objects unseen).`,
      ),
    );
  }
  if (section.trailer.get('Prev') !== before.startxref) {
    changes.push(disallowed('hidden-xref', 'The update’s cross-reference section does not continue from the signed revision’s (/Prev points elsewhere).'));
  }
  if (!sameValue(section.trailer.get('Root'), before.trailer.get('Root'))) {
    changes.push(disallowed('catalog', 'The update replaces the document catalog (trailer /Root).', { key: 'Root' }));
  }
  if (section.trailer.has('Encrypt')) changes.push(disallowed('trailer', 'The update adds encryption (trailer /Encrypt).', { key: 'Encrypt' }));
  const infoAfter = section.trailer.get('Info');
  if (infoAfter !== undefined && !sameValue(infoAfter, before.trailer.get('Info'))) {
    changes.push(disallowed('trailer', 'The update replaces the document information dictionary (trailer /Info).', { key: 'Info' }));
  }

  // Which objects the update defines, by its cross-reference section.
  const defined = new Set<number>();
  for (const [num, entry] of section.entries) {
    if (entry.type === 'free') {
      const old = before.entry(num);
      if (old && old.type !== 'free') changes.push(disallowed('object-deleted', `Object ${num} is deleted by the update.`, { objectNumber: num }));
      continue;
    }
    if (entry.type === 'offset') {
      if (xrefOffsets.includes(entry.offset)) continue;
      const walked = objects.get(num);
      if (entry.offset < start) {
        changes.push(
          disallowed('object-redefined', `The update points object ${num} to older bytes (byte ${entry.offset}) instead of its current definition.`, {
            objectNumber: num,
          }),
        );
        continue;
      }
      if (!walked || walked.offset !== entry.offset) {
        changes.push(
          disallowed('hidden-object', `The update’s cross-reference entry for object ${num} does not point to the object it writes.`, { objectNumber: num }),
        );
        continue;
      }
      const old = before.entry(num);
      if (old && old.type !== 'free' && old.gen !== entry.gen) {
        changes.push(disallowed('object-redefined', `Object ${num} is given a new generation number.`, { objectNumber: num }));
      }
    }
    defined.add(num);
  }
  for (const num of objects.keys()) {
    if (!section.entries.has(num)) {
      changes.push(
        disallowed('hidden-object', `Object ${num} is written in the update but left out of its cross-reference section (a hidden object).`, {
          objectNumber: num,
        }),
      );
    }
  }

  const existedBefore = (num: number) => {
    const entry = before.entry(num);
    return entry !== undefined && entry.type !== 'free';
  };
  const overridden = [...defined].filter(existedBefore);
  const added = new Set([...defined].filter((num) => !existedBefore(num)));
  const explained = new Set<number>();

  const fieldsBefore = new Map(listFormFields(before).map((field) => [field.ref.num, field]));
  const fieldsAfter = listFormFields(after);
  const widgetOwner = new Map<number, { before: FormField | undefined; after: FormField }>();
  for (const field of fieldsAfter) {
    for (const widget of field.widgets) widgetOwner.set(widget.ref.num, { before: fieldsBefore.get(field.ref.num), after: field });
  }

  // New fields, wherever they were added (a "sneaky signature" brings its own field).
  const namesBefore = new Set([...fieldsBefore.values()].map((field) => field.fullName));
  for (const field of fieldsAfter) {
    if (!fieldsBefore.has(field.ref.num) && !namesBefore.has(field.fullName)) {
      changes.push(
        disallowed('field-added', `A form field "${field.fullName}" was added after signing${field.hasValue ? ', carrying its own signature' : ''}.`, {
          fieldName: field.fullName,
          objectNumber: field.ref.num,
        }),
      );
      explained.add(field.ref.num);
      for (const widget of field.widgets) explained.add(widget.ref.num);
    }
  }
  const namesAfter = new Set(fieldsAfter.map((field) => field.fullName));
  for (const field of fieldsBefore.values()) {
    if (!namesAfter.has(field.fullName))
      changes.push(disallowed('field-removed', `The form field "${field.fullName}" was removed.`, { fieldName: field.fullName }));
  }

  // Fields filled with a signature in this update, and their own new objects.
  const allowedNew = new Set<number>();
  for (const field of fieldsAfter) {
    const previous = fieldsBefore.get(field.ref.num);
    if (!previous || field.fieldType !== 'Sig') continue;
    const value = field.dict.get('V');
    if (previous.hasValue || !(value instanceof PdfRef)) continue;
    if (!added.has(value.num)) {
      changes.push(
        disallowed('unsigned-signature', `The field "${field.fullName}" was given a signature value that this update did not write.`, {
          fieldName: field.fullName,
        }),
      );
      continue;
    }
    const signatureDict = after.resolveDict(value);
    const range = signatureDict?.get('ByteRange');
    const contents = signatureDict?.get('Contents');
    const type = signatureDict?.nameOf('Type');
    const rangeEnd =
      Array.isArray(range) && range.length === 4 && range.every((n) => typeof n === 'number') ? (range[2] as number) + (range[3] as number) : undefined;
    if (!signatureDict || !(contents instanceof PdfString) || rangeEnd === undefined) {
      changes.push(
        disallowed(
          'unsigned-signature',
          `The field "${field.fullName}" carries a signature dictionary without a byte range or signature value: it signs nothing.`,
          { fieldName: field.fullName, objectNumber: value.num },
        ),
      );
      continue;
    }
    if (rangeEnd !== end) {
      changes.push(
        disallowed('unsigned-signature', `The field "${field.fullName}" carries a signature that does not sign the revision it was added in.`, {
          fieldName: field.fullName,
          objectNumber: value.num,
        }),
      );
      continue;
    }
    const isTimestamp = type === 'DocTimeStamp' || signatureDict.nameOf('SubFilter') === 'ETSI.RFC3161';
    result.filledFields.push(field.fullName);
    changes.push(
      allowed('field-filled', `The prepared field "${field.fullName}" was filled with ${isTimestamp ? 'a document timestamp' : 'a signature'}.`, {
        fieldName: field.fullName,
        objectNumber: value.num,
      }),
    );
    allowedNew.add(value.num);
    explained.add(value.num);
    const fieldChangeKeys = field.widgets.some((widget) => widget.ref.num === field.ref.num) ? ['V', 'AP'] : ['V'];
    checkOverride(before, after, field.ref.num, fieldChangeKeys, field, changes, explained, defined);
    for (const widget of field.widgets) {
      if (widget.ref.num !== field.ref.num) checkOverride(before, after, widget.ref.num, ['AP'], field, changes, explained, defined);
      for (const num of appearanceRefs(widget.dict)) allowedNew.add(num);
    }
  }

  // Widgets of prepared fields that stay unsigned must not change.
  for (const num of overridden) {
    if (explained.has(num)) continue;
    const owner =
      widgetOwner.get(num) ?? (fieldsBefore.has(num) ? { before: fieldsBefore.get(num), after: fieldsAfter.find((f) => f.ref.num === num)! } : undefined);
    if (!owner?.after) continue;
    const signed = owner.after.hasValue;
    const oldDict = before.resolveDict(new PdfRef(num));
    const newDict = after.resolveDict(new PdfRef(num));
    const keys = changedKeys(oldDict, newDict);
    explained.add(num);
    if (!signed && keys.includes('AP')) {
      changes.push(
        disallowed('appearance-without-signature', `The prepared field "${owner.after.fullName}" got an appearance without a signature.`, {
          fieldName: owner.after.fullName,
          objectNumber: num,
        }),
      );
    } else if (keys.includes('V')) {
      changes.push(
        disallowed('unsigned-signature', `The signature value of the field "${owner.after.fullName}" was replaced.`, {
          fieldName: owner.after.fullName,
          objectNumber: num,
        }),
      );
    } else {
      changes.push(
        disallowed('annotation', `The field "${owner.after.fullName}" was changed (${describeKeys(keys)}).`, {
          fieldName: owner.after.fullName,
          objectNumber: num,
        }),
      );
    }
  }

  // The form dictionary: only /SigFlags may change.
  const formRefBefore = before.catalog().get('AcroForm');
  const formRefAfter = after.catalog().get('AcroForm');
  if (formRefAfter instanceof PdfRef && defined.has(formRefAfter.num)) {
    explained.add(formRefAfter.num);
    compareForm(before.resolveDict(formRefBefore), after.resolveDict(formRefAfter), formRefAfter.num, changes);
  }

  // The catalog: /DSS may be added or changed, a direct /AcroForm as above; nothing else.
  const rootNum = after.rootRef.num;
  if (defined.has(rootNum)) {
    explained.add(rootNum);
    const oldCatalog = before.catalog();
    const newCatalog = after.catalog();
    for (const key of changedKeys(oldCatalog, newCatalog)) {
      if (key === 'DSS') changes.push(allowed('dss', 'Validation data (DSS) was added.', { key }));
      else if (key === 'AcroForm' && !(formRefAfter instanceof PdfRef))
        compareForm(before.resolveDict(formRefBefore), after.resolveDict(formRefAfter), rootNum, changes);
      else
        changes.push(
          disallowed('catalog', `The document catalog’s /${key} was ${oldCatalog.has(key) ? (newCatalog.has(key) ? 'changed' : 'removed') : 'added'}.`, {
            key,
            objectNumber: rootNum,
          }),
        );
    }
  }

  // DSS / VRI: everything reachable from the catalog's /DSS, new or already part of the old DSS.
  const dssAfter = reachable(after, after.catalog().get('DSS'), () => true);
  const dssBefore = reachable(before, before.catalog().get('DSS'), () => true);
  for (const num of defined) {
    if (dssAfter.has(num) && (added.has(num) || dssBefore.has(num))) {
      if (!explained.has(num)) changes.push(allowed('dss', `Object ${num} holds validation data (DSS/VRI).`, { objectNumber: num }));
      explained.add(num);
    }
  }

  // New objects reached from what may change (signature dictionaries, appearances).
  for (const num of reachable(
    after,
    [...allowedNew].map((n) => new PdfRef(n)),
    (n) => added.has(n),
  )) {
    if (added.has(num)) explained.add(num);
  }
  // Every other object the update overrides is a disallowed change.
  let pageOf: Map<number, { page: number; role: 'page' | 'content' | 'annots' }> | undefined;
  const pageIndex = () => (pageOf ??= indexPages(before));
  for (const num of overridden) {
    if (explained.has(num)) continue;
    changes.push(describeOverride(before, after, num, pageIndex));
  }
  const strayNew = [...added].filter((num) => !explained.has(num));
  if (strayNew.length > 0 && changes.every((change) => change.allowed)) {
    // Objects nothing refers to change nothing on their own; listed so a reader sees them.
    changes.push(
      allowed(
        'signature-appearance',
        `The update adds ${strayNew.length} object${strayNew.length === 1 ? '' : 's'} that nothing refers to (${strayNew.slice(0, 5).join(', ')}${strayNew.length > 5 ? ', …' : ''}).`,
      ),
    );
  }
}

function checkOverride(
  before: PdfFile,
  after: PdfFile,
  num: number,
  allowedKeys: string[],
  field: FormField,
  changes: RevisionChange[],
  explained: Set<number>,
  defined: Set<number>,
): void {
  if (!defined.has(num)) return;
  explained.add(num);
  const keys = changedKeys(before.resolveDict(new PdfRef(num)), after.resolveDict(new PdfRef(num)));
  const extra = keys.filter((key) => !allowedKeys.includes(key));
  if (extra.length > 0) {
    changes.push(
      disallowed('annotation', `Filling the field "${field.fullName}" also changed its ${describeKeys(extra)}.`, {
        fieldName: field.fullName,
        objectNumber: num,
      }),
    );
  } else if (keys.includes('AP')) {
    changes.push(
      allowed('signature-appearance', `The field "${field.fullName}" got the appearance of its signature.`, { fieldName: field.fullName, objectNumber: num }),
    );
  }
}

function compareForm(oldForm: PdfDict | undefined, newForm: PdfDict | undefined, num: number, changes: RevisionChange[]): void {
  for (const key of changedKeys(oldForm, newForm)) {
    if (key === 'SigFlags') changes.push(allowed('form-sigflags', 'The form’s /SigFlags were set, as signing needs.', { key, objectNumber: num }));
    else if (key === 'Fields')
      continue; // named per field above
    else
      changes.push(
        disallowed(
          'form-flags',
          `The form’s /${key} was ${oldForm?.has(key) ? (newForm?.has(key) ? 'changed' : 'removed') : 'added'}${key === 'NeedAppearances' ? ' (viewers would redraw every field)' : ''}.`,
          { key, objectNumber: num },
        ),
      );
  }
}

function describeOverride(
  before: PdfFile,
  after: PdfFile,
  num: number,
  pageIndex: () => Map<number, { page: number; role: 'page' | 'content' | 'annots' }>,
): RevisionChange {
  const old = before.getObject(num);
  const now = after.getObject(num);
  const where = pageIndex().get(num);
  const oldDict = old instanceof PdfStream ? old.dict : old instanceof PdfDict ? old : undefined;
  const type = oldDict?.nameOf('Type');
  const subtype = oldDict?.nameOf('Subtype');
  if (where?.role === 'page' || type === 'Page') {
    const keys = changedKeys(oldDict, now instanceof PdfDict ? now : now instanceof PdfStream ? now.dict : undefined);
    const page = where?.page;
    const label = page ? `page ${page}` : `a page (object ${num})`;
    if (keys.includes('Contents')) return disallowed('page-content', `The content of ${label} was replaced.`, { page, objectNumber: num, key: 'Contents' });
    if (keys.includes('Resources'))
      return disallowed('page-resources', `The resources (fonts, images) of ${label} were replaced.`, { page, objectNumber: num, key: 'Resources' });
    if (keys.includes('Annots'))
      return disallowed('annotation', `An annotation was added to or removed from ${label}.`, { page, objectNumber: num, key: 'Annots' });
    return disallowed('page-content', `${capitalise(label)} was changed (${describeKeys(keys)}).`, { page, objectNumber: num });
  }
  if (where?.role === 'content')
    return disallowed('page-content', `The content stream of page ${where.page} (object ${num}) was replaced.`, { page: where.page, objectNumber: num });
  if (where?.role === 'annots')
    return disallowed('annotation', `The annotations of page ${where.page} were changed (object ${num}).`, { page: where.page, objectNumber: num });
  if (type === 'Annot' || (oldDict?.has('Rect') && subtype))
    return disallowed('annotation', `The ${subtype ?? ''} annotation object ${num} was changed.`.replace('  ', ' '), { objectNumber: num });
  if (type === 'Font' || type === 'FontDescriptor' || type === 'XObject' || subtype === 'Image' || subtype === 'Form' || type === 'ExtGState') {
    return disallowed('page-resources', `A ${subtype ?? type} resource (object ${num}) used by the pages was replaced.`, { objectNumber: num });
  }
  if (type === 'Pages') return disallowed('page-content', `The page tree (object ${num}) was changed.`, { objectNumber: num });
  if (old instanceof PdfStream) return disallowed('object-redefined', `Stream object ${num} was redefined.`, { objectNumber: num });
  return disallowed('object-redefined', `Object ${num}${type ? ` (/${type})` : ''} was redefined.`, { objectNumber: num });
}

/** Pages, their content streams and indirect /Annots arrays of the signed revision, by object number. */
function indexPages(file: PdfFile): Map<number, { page: number; role: 'page' | 'content' | 'annots' }> {
  const index = new Map<number, { page: number; role: 'page' | 'content' | 'annots' }>();
  try {
    for (const page of file.pages()) {
      const number = page.index + 1;
      index.set(page.ref.num, { page: number, role: 'page' });
      const contents = page.dict.get('Contents');
      const list =
        contents instanceof PdfRef
          ? file.resolve(contents) instanceof PdfStream
            ? [contents]
            : (file.resolveArray(contents) ?? [])
          : Array.isArray(contents)
            ? contents
            : [];
      if (contents instanceof PdfRef && !(file.resolve(contents) instanceof PdfStream)) index.set(contents.num, { page: number, role: 'content' });
      for (const item of list) if (item instanceof PdfRef && !index.has(item.num)) index.set(item.num, { page: number, role: 'content' });
      const annots = page.dict.get('Annots');
      if (annots instanceof PdfRef && !index.has(annots.num)) index.set(annots.num, { page: number, role: 'annots' });
    }
  } catch {
    // Only names the page; the change is disallowed either way.
  }
  return index;
}

function appearanceRefs(widget: PdfDict): number[] {
  const ap = widget.get('AP');
  if (!(ap instanceof PdfDict)) return ap instanceof PdfRef ? [ap.num] : [];
  const nums: number[] = [];
  for (const key of ['N', 'D', 'R']) {
    const entry = ap.get(key);
    if (entry instanceof PdfRef) nums.push(entry.num);
    else if (entry instanceof PdfDict) for (const value of entry.entries.values()) if (value instanceof PdfRef) nums.push(value.num);
  }
  return nums;
}

/** Object numbers reachable from `roots` through objects for which `follow` holds (bounded). */
function reachable(file: PdfFile, roots: PdfValue | PdfValue[] | undefined, follow: (num: number) => boolean): Set<number> {
  const seen = new Set<number>();
  const stack: PdfValue[] = Array.isArray(roots) ? [...roots] : roots === undefined ? [] : [roots];
  let steps = 0;
  while (stack.length > 0 && steps++ < 200_000) {
    const value = stack.pop();
    if (value instanceof PdfRef) {
      if (seen.has(value.num) || !follow(value.num)) continue;
      seen.add(value.num);
      stack.push(file.getObject(value.num));
    } else if (Array.isArray(value)) stack.push(...value);
    else if (value instanceof PdfDict) stack.push(...value.entries.values());
    else if (value instanceof PdfStream) stack.push(...value.dict.entries.values());
  }
  return seen;
}

export function changedKeys(a: PdfDict | undefined, b: PdfDict | undefined): string[] {
  const keys = new Set([...(a?.entries.keys() ?? []), ...(b?.entries.keys() ?? [])]);
  return [...keys].filter((key) => !sameValue(a?.get(key), b?.get(key)));
}

export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined, depth = 0): boolean {
  if (depth > 64) return false;
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (a instanceof PdfRef || b instanceof PdfRef) return a instanceof PdfRef && b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfName || b instanceof PdfName) return a instanceof PdfName && b instanceof PdfName && a.value === b.value;
  if (a instanceof PdfString || b instanceof PdfString)
    return a instanceof PdfString && b instanceof PdfString && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i], depth + 1));
  if (a instanceof PdfStream || b instanceof PdfStream) {
    return a instanceof PdfStream && b instanceof PdfStream && sameValue(a.dict, b.dict, depth + 1) && Buffer.from(a.data).equals(Buffer.from(b.data));
  }
  if (a instanceof PdfDict && b instanceof PdfDict) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [key, value] of a.entries) if (!sameValue(value, b.get(key), depth + 1)) return false;
    return true;
  }
  return false;
}

function describeKeys(keys: string[]): string {
  return keys.length === 0 ? 'no visible entry, but it was rewritten' : keys.map((key) => `/${key}`).join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
