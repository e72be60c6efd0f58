import { PdfError } from './pdf-error';
import { PdfDict, PdfRef, PdfStream, PdfString, serializeObjectBody, serializeValue, type PdfValue } from './pdf-objects';
import type { PdfFile } from './read-pdf-file';
import { DROPPED_ANNOTATION_SUBTYPES, HARMLESS_ACTIONS, isPlainGoTo } from './scan-pdf-objects';
import { sha256 } from './sha256';

/**
 * "Flatten to a clean copy": a fresh single-revision file holding only what the pages
 * need, written from the objects reachable from the catalog (and /Info) as the reader
 * sees them now. Earlier revisions, repaired cross-references and unreferenced objects
 * do not survive; active content, attachments, media and signature machinery are left
 * out. Streams keep their encoded bytes. The caller inspects the copy again.
 */

const DROPPED_KEYS = new Set([
  'AA',
  'JS',
  'Perms',
  'Lock',
  'SV',
  'Legal',
  'Collection',
  'XFA',
  'SigFlags',
  'JavaScript',
  'EmbeddedFiles',
  'RichMediaContent',
  'RichMediaSettings',
  '3DD',
]);

const MAX_COPIED_OBJECTS = 2_000_000;

export function writeCleanCopy(file: PdfFile): Uint8Array {
  const numbers = new Map<number, number>();
  const queue: number[] = [];

  const refFor = (oldNum: number): PdfRef => {
    let num = numbers.get(oldNum);
    if (num === undefined) {
      num = numbers.size + 1;
      if (num > MAX_COPIED_OBJECTS) throw new PdfError('TOO_COMPLEX', 'This PDF holds too many objects to copy.');
      numbers.set(oldNum, num);
      queue.push(oldNum);
    }
    return new PdfRef(num, 0);
  };

  const dropped = (value: PdfValue | undefined, depth = 0): boolean => {
    const target = file.resolve(value);
    const dict = target instanceof PdfStream ? target.dict : target instanceof PdfDict ? target : undefined;
    if (!dict) return false;
    const type = dict.nameOf('Type');
    const action = dict.nameOf('S');
    if (dict.has('JS') || (action && (type === 'Action' || dict.has('Next') || isActionName(action)) && !HARMLESS_ACTIONS.has(action))) return true;
    if (type === 'EmbeddedFile' || dict.has('EF') || type === 'Sig' || type === 'DocTimeStamp' || type === '3D') return true;
    const subtype = dict.nameOf('Subtype');
    if (subtype && DROPPED_ANNOTATION_SUBTYPES.has(subtype) && (type === 'Annot' || dict.has('Rect'))) return true;
    if (subtype === 'U3D' || subtype === 'PRC') return true;
    // A signature field, or a widget of one (its /Parent chain names /FT /Sig).
    if (dict.nameOf('FT') === 'Sig') return true;
    if (depth < 16 && dict.has('Parent') && subtype === 'Widget') return dropped(dict.get('Parent'), depth + 1);
    if (depth < 16 && dict.has('Parent') && !dict.has('Type') && dict.has('T')) return dropped(dict.get('Parent'), depth + 1);
    return false;
  };

  const copy = (value: PdfValue | undefined, key?: string): PdfValue | undefined => {
    if (value === undefined || value === null) return value;
    if (value instanceof PdfRef) {
      const target = file.getObject(value.num);
      if (target === null || dropped(target)) return undefined;
      return refFor(value.num);
    }
    if (Array.isArray(value)) {
      const out: PdfValue[] = [];
      for (const item of value) {
        if (dropped(item)) continue;
        const copied = copy(item);
        if (copied !== undefined) out.push(copied);
      }
      return out;
    }
    if (value instanceof PdfStream) {
      const dict = copyDict(value.dict);
      return new PdfStream(dict, value.data);
    }
    if (value instanceof PdfDict) {
      if (key !== undefined && dropped(value)) return undefined;
      return copyDict(value);
    }
    return value;
  };

  const copyDict = (dict: PdfDict): PdfDict => {
    const out = new PdfDict();
    const isCatalog = dict.nameOf('Type') === 'Catalog';
    for (const [key, entry] of dict.entries) {
      if (DROPPED_KEYS.has(key)) continue;
      if (isCatalog && key === 'OpenAction' && !isPlainGoTo(file, entry)) continue;
      if ((key === 'A' || key === 'Next' || key === 'OpenAction') && dropped(entry)) continue;
      if (key === 'Length' && entry instanceof PdfRef) continue;
      const copied = copy(entry, key);
      if (copied !== undefined && copied !== null) out.set(key, copied);
    }
    return out;
  };

  const root = file.trailer.get('Root');
  if (!(root instanceof PdfRef)) throw new PdfError('MALFORMED', 'This PDF has no document catalog.');
  const rootRef = refFor(root.num);
  const info = file.trailer.get('Info');
  const infoRef = info instanceof PdfRef && file.resolveDict(info) ? refFor(info.num) : undefined;

  const chunks: Uint8Array[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  for (let index = 0; index < queue.length; index++) {
    const oldNum = queue[index]!;
    const value = copy(file.getObject(oldNum)) ?? null;
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), serializeObjectBody(value), Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(body);
    length += body.length;
  }
  const xrefOffset = length;
  let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  // Derived from the source, so the same upload always yields the same copy (and hash).
  const id = new PdfString(sha256(file.bytes).subarray(0, 16), 'hex');
  const trailer = new PdfDict()
    .set('Size', offsets.length + 1)
    .set('Root', rootRef)
    .set('ID', [id, id]);
  if (infoRef) trailer.set('Info', infoRef);
  xref += `trailer\n${serializeValue(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

const ACTION_NAMES = new Set([
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ImportData',
  'Rendition',
  'Movie',
  'Sound',
  'RichMediaExecute',
  'GoTo3DView',
  'GoToR',
  'GoToE',
  'GoToDp',
  'Hide',
  'SetOCGState',
  'ResetForm',
  'Trans',
]);

function isActionName(name: string): boolean {
  return ACTION_NAMES.has(name);
}
