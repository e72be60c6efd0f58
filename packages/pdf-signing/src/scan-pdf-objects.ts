import type { PdfFindingKind } from './inspection-rules';
import { isHardLimit, PdfError } from './pdf-error';
import { decodeTextString, PdfDict, PdfName, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import type { PdfFile } from './read-pdf-file';

/**
 * One pass over every object a file defines (reachable or not), looking into every
 * direct dictionary and array inside them: what active content, signature machinery and
 * links the file carries, its fonts, and its streams for the decode budget. Unreferenced
 * objects count too: a viewer or a later update can bring them back into play.
 */

export interface FontInfo {
  name: string;
  embedded: boolean;
}

export interface ObjectScan {
  findings: Map<PdfFindingKind, number>;
  links: string[];
  fonts: FontInfo[];
  streams: PdfStream[];
  /** Objects whose bytes could not be parsed (a damaged file). */
  unreadableObjects: number;
  /** The file starts with a linearisation dictionary whose /L is the file's length. */
  linearized: boolean;
}

const MAX_LISTED_LINKS = 50;
const MAX_LISTED_FONTS = 200;

/** Action types a document may carry: moving within it, and links out (listed). */
export const HARMLESS_ACTIONS = new Set(['GoTo', 'URI', 'Named', 'Thread']);

const ACTION_KINDS: Record<string, PdfFindingKind> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  SubmitForm: 'submit-form',
  ImportData: 'import-data',
  Rendition: 'rendition',
  Movie: 'movie',
  Sound: 'sound',
  RichMediaExecute: 'rich-media',
  GoTo3DView: '3d',
};

/** Actions that change the document or reach outside it; the /S names are distinct from other /S uses (transitions, borders, structure). */
const OTHER_ACTIONS = new Set(['GoToR', 'GoToE', 'GoToDp', 'Hide', 'SetOCGState', 'ResetForm', 'Trans']);

const ANNOTATION_KINDS: Record<string, PdfFindingKind> = {
  FileAttachment: 'file-attachment',
  RichMedia: 'rich-media',
  '3D': '3d',
  Movie: 'movie',
  Sound: 'sound',
  Screen: 'rendition',
};

/** Annotations (and their appearance-less kin) that the clean copy removes from pages. */
export const DROPPED_ANNOTATION_SUBTYPES = new Set(Object.keys(ANNOTATION_KINDS));

const MAX_VISITED_NODES = 20_000_000;

export function scanPdfObjects(file: PdfFile): ObjectScan {
  const findings = new Map<PdfFindingKind, number>();
  const found = (kind: PdfFindingKind) => findings.set(kind, (findings.get(kind) ?? 0) + 1);
  const links = new Set<string>();
  const fonts = new Map<string, FontInfo>();
  const streams: PdfStream[] = [];
  let unreadableObjects = 0;
  let visited = 0;

  const visitDict = (dict: PdfDict) => {
    const type = dict.nameOf('Type');
    const subtype = dict.nameOf('Subtype');
    const action = dict.nameOf('S');
    if (dict.has('JS') || action === 'JavaScript') found('javascript');
    else if (action && ACTION_KINDS[action]) found(ACTION_KINDS[action]);
    else if (action && !HARMLESS_ACTIONS.has(action) && (OTHER_ACTIONS.has(action) || type === 'Action')) found('other-action');
    if (action === 'URI') {
      const uri = dict.get('URI');
      if (uri instanceof PdfString && links.size < MAX_LISTED_LINKS) links.add(decodeTextString(uri).slice(0, 500));
    }
    if (dict.has('AA')) found('additional-actions');
    if (type === 'EmbeddedFile' || dict.has('EF') || dict.has('EmbeddedFiles')) found('embedded-file');
    if (dict.has('JavaScript')) found('javascript');
    if (subtype && ANNOTATION_KINDS[subtype] && (type === 'Annot' || dict.has('Rect'))) found(ANNOTATION_KINDS[subtype]);
    if (type === '3D' || subtype === 'U3D' || subtype === 'PRC' || dict.has('3DD')) found('3d');
    if (dict.has('RichMediaContent') || dict.has('RichMediaSettings')) found('rich-media');
    if (dict.has('XFA')) found('xfa');
    if (dict.nameOf('FT') === 'Sig') found('signature-field');
    if (type === 'Sig' || type === 'DocTimeStamp' || (dict.has('ByteRange') && dict.has('Contents'))) found('signature');
    if (dict.has('Perms')) found('permissions');
    if (dict.has('DocMDP')) found('doc-mdp');
    if (dict.has('UR') || dict.has('UR3')) found('usage-rights');
    const transform = dict.nameOf('TransformMethod');
    if (transform === 'DocMDP') found('doc-mdp');
    if (transform === 'FieldMDP' || dict.has('Lock')) found('field-mdp');
    if (transform === 'UR' || transform === 'UR3') found('usage-rights');
    if (type === 'Catalog' && dict.has('OpenAction') && !isPlainGoTo(file, dict.get('OpenAction'))) found('open-action');
    if (type === 'Font' && subtype !== 'CIDFontType0' && subtype !== 'CIDFontType2' && fonts.size < MAX_LISTED_FONTS) {
      const info = describeFont(file, dict);
      fonts.set(`${info.name}\u0000${info.embedded}`, info);
    }
  };

  const visit = (value: PdfValue | undefined, depth: number) => {
    if (++visited > MAX_VISITED_NODES) throw new PdfError('TOO_COMPLEX', 'This PDF holds far more structure than any document.');
    if (depth > 80 || value === null || value === undefined) return;
    if (value instanceof PdfStream) {
      streams.push(value);
      visitDict(value.dict);
      for (const entry of value.dict.entries.values()) visit(entry, depth + 1);
    } else if (value instanceof PdfDict) {
      visitDict(value);
      for (const entry of value.entries.values()) visit(entry, depth + 1);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    }
  };

  for (const num of file.objectNumbers()) {
    let value: PdfValue;
    try {
      value = file.getObject(num);
    } catch (error) {
      if (isHardLimit(error)) throw error;
      unreadableObjects++;
      continue;
    }
    visit(value, 0);
  }

  return {
    findings,
    links: [...links],
    fonts: [...fonts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    streams,
    unreadableObjects,
    linearized: isLinearized(file),
  };
}

/** An /OpenAction that only opens at a place in the document: a destination, or a GoTo with nothing after it. */
export function isPlainGoTo(file: PdfFile, value: PdfValue | undefined): boolean {
  const resolved = file.resolve(value);
  if (Array.isArray(resolved)) return true;
  if (resolved instanceof PdfDict) return resolved.nameOf('S') === 'GoTo' && !resolved.has('Next');
  return false;
}

function describeFont(file: PdfFile, font: PdfDict): FontInfo {
  const baseFont = font.get('BaseFont');
  const name = baseFont instanceof PdfName ? baseFont.value.replace(/^[A-Z]{6}\+/, '') : (font.nameOf('Subtype') ?? 'font');
  if (font.nameOf('Subtype') === 'Type3') return { name, embedded: true };
  let descriptorHolder: PdfDict | undefined = font;
  if (font.nameOf('Subtype') === 'Type0') {
    const descendants = safely(() => file.resolveArray(font.get('DescendantFonts')));
    descriptorHolder = descendants?.[0] === undefined ? undefined : safely(() => file.resolveDict(descendants[0]));
  }
  const descriptor = descriptorHolder ? safely(() => file.resolveDict(descriptorHolder.get('FontDescriptor'))) : undefined;
  const embedded = !!descriptor && (descriptor.has('FontFile') || descriptor.has('FontFile2') || descriptor.has('FontFile3'));
  return { name: name.slice(0, 100), embedded };
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (isHardLimit(error)) throw error;
    return undefined;
  }
}

/**
 * A linearised file has two cross-reference sections by construction (first page, then
 * the rest); it is one revision as long as /L still equals the file's length.
 */
function isLinearized(file: PdfFile): boolean {
  if (file.sections.length !== 2) return false;
  for (const num of file.objectNumbers()) {
    const entry = file.entry(num);
    if (entry?.type !== 'offset' || entry.offset > file.headerOffset + 2048) continue;
    const value = safely(() => file.getObject(num));
    if (value instanceof PdfDict && value.has('Linearized')) return value.get('L') === file.bytes.length;
  }
  return false;
}
