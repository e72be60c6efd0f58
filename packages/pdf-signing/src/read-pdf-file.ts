import { constants as zlibConstants, inflateSync } from 'node:zlib';

import { isHardLimit, PdfError } from './pdf-error';
import { PdfDict, PdfName, PdfRef, PdfStream, type PdfValue } from './pdf-objects';
import { asBuffer, indexOfAscii, Keyword, lastIndexOfAscii, latin1, PdfLexer, type IndirectObject } from './parse-pdf-object';

/**
 * Reads the structure of a PDF file lazily: the cross-reference chain first, then only
 * the objects someone asks for. Signing a 30 MB file therefore touches a few
 * kilobytes of it, and hostile files fail on the first object that breaks a limit.
 */

export type XrefEntry =
  | { type: 'free'; num: number; gen: number }
  | { type: 'offset'; num: number; gen: number; offset: number }
  | { type: 'compressed'; num: number; gen: 0; streamNum: number; index: number };

export interface XrefSection {
  /** Byte offset of the section ("xref" keyword or the xref stream object). */
  offset: number;
  kind: 'table' | 'stream';
  /** The entries this section itself lists (later sections override earlier ones). */
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

export interface PdfLimits {
  /** Largest decompressed size of one stream the reader will produce. */
  maxStreamBytes: number;
  /** Sum of all decompressed bytes in one file. */
  maxTotalInflatedBytes: number;
  maxXrefSections: number;
  maxPages: number;
  maxPageTreeNodes: number;
  /** Objects a file may declare (/Size, xref entries, objects found by scanning). */
  maxObjects: number;
}

export const DEFAULT_LIMITS: PdfLimits = {
  maxStreamBytes: 32 * 1024 * 1024,
  maxTotalInflatedBytes: 96 * 1024 * 1024,
  maxXrefSections: 4096,
  maxPages: 20_000,
  maxPageTreeNodes: 100_000,
  maxObjects: 1_000_000,
};

export interface PageInfo {
  index: number;
  ref: PdfRef;
  dict: PdfDict;
  /** Inheritable attributes resolved through the page tree. */
  mediaBox: [number, number, number, number];
  cropBox: [number, number, number, number];
  rotate: number;
  resources: PdfValue | undefined;
}

const PDF_MAGIC = '%PDF-';

export function hasPdfHeader(bytes: Uint8Array): boolean {
  // Some producers put junk before the header; readers accept it within 1 KB.
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  return head.includes(PDF_MAGIC);
}

export class PdfFile {
  readonly sections: XrefSection[] = [];
  readonly trailer: PdfDict;
  /** Offset that the last "startxref" points to. */
  readonly startxref: number;
  /** True when the xref chain was unusable and objects were found by scanning. */
  readonly recovered: boolean;
  private readonly entries = new Map<number, XrefEntry>();
  private readonly objectCache = new Map<number, PdfValue>();
  private readonly objectStreamCache = new Map<number, PdfValue[]>();
  private readonly resolving = new Set<number>();
  private scannedOffsets: Map<number, number> | undefined;
  private inflatedTotal = 0;
  readonly headerOffset: number;

  private constructor(
    readonly bytes: Uint8Array,
    readonly limits: PdfLimits,
    requireEndMarker: boolean,
  ) {
    if (bytes.length === 0 || !hasPdfHeader(bytes)) {
      throw new PdfError('NOT_A_PDF', 'This file is not a PDF: it does not start with the %PDF- header.');
    }
    this.headerOffset = indexOfAscii(bytes, PDF_MAGIC, 0);
    const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
    if (requireEndMarker && !tail.includes('%%EOF')) {
      throw new PdfError('TRUNCATED', 'This PDF is incomplete: its end-of-file marker is missing, so the file was probably cut off.');
    }

    let startxref = -1;
    let recovered = false;
    try {
      startxref = this.findStartxref();
      this.readXrefChain(startxref);
    } catch (error) {
      if (!isHardLimit(error) && error instanceof PdfError && (error.code === 'MALFORMED' || error.code === 'TRUNCATED')) {
        recovered = true;
      } else {
        throw error;
      }
    }
    if (!recovered && !this.trailerHasRoot()) recovered = true;
    if (recovered) {
      this.sections.length = 0;
      this.entries.clear();
      this.recoverByScanning();
    }
    this.startxref = startxref;
    this.recovered = recovered;
    this.trailer = this.mergeTrailers();
  }

  /**
   * requireEndMarker: uploads must end with %%EOF (else TRUNCATED); the verifier
   * opens files with bytes appended after the last revision, so it passes false.
   */
  static open(bytes: Uint8Array, options: { limits?: Partial<PdfLimits>; requireEndMarker?: boolean } = {}): PdfFile {
    return new PdfFile(bytes, { ...DEFAULT_LIMITS, ...options.limits }, options.requireEndMarker ?? true);
  }

  private cachedSize: number | undefined;

  /** The first free object number: the trailer's /Size, or more if the table lists more. */
  get size(): number {
    if (this.cachedSize === undefined) {
      const size = this.trailer.get('Size');
      let largest = 0;
      for (const num of this.entries.keys()) largest = Math.max(largest, num);
      this.cachedSize = Math.max(typeof size === 'number' ? size : 0, largest + 1);
    }
    return this.cachedSize;
  }

  /** Bytes produced by decompression so far (structure streams and decodeStream). */
  get inflatedBytes(): number {
    return this.inflatedTotal;
  }

  /** Counts bytes decoded outside the reader against the same per-file budget. */
  chargeDecodedBytes(count: number): void {
    this.inflatedTotal += count;
    if (this.inflatedTotal > this.limits.maxTotalInflatedBytes) throw decodeBudgetError(this.limits.maxTotalInflatedBytes);
  }

  get isEncrypted(): boolean {
    return this.trailer.has('Encrypt');
  }

  /** Xref kind of the newest section; an update should use the same kind. */
  get lastXrefKind(): 'table' | 'stream' {
    return this.sections[0]?.kind ?? 'table';
  }

  entry(num: number): XrefEntry | undefined {
    return this.entries.get(num);
  }

  objectNumbers(): number[] {
    return [...this.entries.keys()];
  }

  // ------------------------------------------------------------ xref chain

  private findStartxref(): number {
    const bytes = this.bytes;
    const at = lastIndexOfAscii(bytes, 'startxref');
    if (at < 0) throw new PdfError('MALFORMED', 'no startxref');
    const lexer = new PdfLexer(bytes, at + 'startxref'.length);
    const offset = lexer.readInteger();
    return offset;
  }

  private readXrefChain(first: number): void {
    const seen = new Set<number>();
    let offset: number | undefined = first;
    while (offset !== undefined) {
      if (seen.has(offset)) throw new PdfError('STRUCTURE_LOOP', 'This PDF’s chain of cross-reference sections (/Prev) loops back on itself.');
      if (seen.size >= this.limits.maxXrefSections) {
        throw new PdfError('TOO_COMPLEX', `This PDF has more than ${this.limits.maxXrefSections.toLocaleString('en')} cross-reference sections.`);
      }
      seen.add(offset);
      const section = this.readXrefSection(offset);
      this.sections.push(section);
      // A hybrid file's table points to a stream with the compressed objects.
      const hybrid = section.trailer.get('XRefStm');
      if (section.kind === 'table' && typeof hybrid === 'number' && !seen.has(hybrid)) {
        seen.add(hybrid);
        const streamSection = this.readXrefSection(hybrid);
        for (const [num, entry] of streamSection.entries) if (!section.entries.has(num)) section.entries.set(num, entry);
      }
      for (const [num, entry] of section.entries) if (!this.entries.has(num)) this.entries.set(num, entry);
      this.assertObjectCount(this.entries.size);
      const declaredSize = section.trailer.get('Size');
      if (typeof declaredSize === 'number') this.assertObjectCount(declaredSize);
      const prev = section.trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
  }

  private readXrefSection(offset: number): XrefSection {
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.bytes.length) {
      throw new PdfError('MALFORMED', `cross-reference offset ${offset} is outside the file`);
    }
    const lexer = new PdfLexer(this.bytes, offset);
    lexer.skipWhitespaceAndComments();
    if (lexer.peekRegularToken() === 'xref') {
      lexer.pos += 4;
      return this.readXrefTable(lexer, offset);
    }
    const object = lexer.parseIndirectObject((ref) => this.resolveLength(ref));
    if (!(object.value instanceof PdfStream) || object.value.dict.nameOf('Type') !== 'XRef') {
      throw new PdfError('MALFORMED', `no cross-reference section at byte ${offset}`);
    }
    return this.readXrefStream(object.value, offset);
  }

  private readXrefTable(lexer: PdfLexer, offset: number): XrefSection {
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      lexer.skipWhitespaceAndComments();
      const token = lexer.peekRegularToken();
      if (token === 'trailer') {
        lexer.pos += token.length;
        break;
      }
      const first = lexer.readInteger();
      const count = lexer.readInteger();
      this.assertObjectCount(first + count);
      if (count < 0 || count * 18 > this.bytes.length - lexer.pos + 18) {
        throw new PdfError('MALFORMED', 'a cross-reference subsection claims more entries than the file holds');
      }
      for (let i = 0; i < count; i++) {
        const entryOffset = lexer.readInteger();
        const gen = lexer.readInteger();
        const kind = lexer.readKeyword();
        const num = first + i;
        if (kind === 'n') entries.set(num, { type: 'offset', num, gen, offset: entryOffset });
        else if (kind === 'f') entries.set(num, { type: 'free', num, gen });
        else throw new PdfError('MALFORMED', `invalid cross-reference entry for object ${num}`);
      }
    }
    const trailer = lexer.parseDirectValue();
    if (!(trailer instanceof PdfDict)) throw new PdfError('MALFORMED', 'the trailer is not a dictionary');
    return { offset, kind: 'table', entries, trailer };
  }

  private readXrefStream(stream: PdfStream, offset: number): XrefSection {
    const dict = stream.dict;
    const widths = dict.get('W');
    const size = dict.get('Size');
    if (!Array.isArray(widths) || widths.length !== 3 || !widths.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 0)) {
      throw new PdfError('MALFORMED', 'the cross-reference stream has an invalid /W');
    }
    if (widths.some((w) => (w as number) > 8)) {
      throw new PdfError('TOO_COMPLEX', 'This PDF’s cross-reference stream promises fields wider than any file needs (/W).');
    }
    if (typeof size !== 'number') throw new PdfError('MALFORMED', 'the cross-reference stream has no /Size');
    const [w0, w1, w2] = widths as [number, number, number];
    const index = dict.get('Index');
    const ranges: number[] = Array.isArray(index) ? index.filter((v): v is number => typeof v === 'number') : [0, size];
    const rowLength = w0 + w1 + w2;
    if (rowLength === 0) throw new PdfError('MALFORMED', 'the cross-reference stream has an empty /W');
    // Judged on what the dictionary promises, before a byte is decompressed.
    this.assertObjectCount(size);
    let promisedRows = 0;
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      this.assertObjectCount(ranges[r]! + ranges[r + 1]!);
      promisedRows += ranges[r + 1]!;
    }
    this.assertObjectCount(promisedRows);
    if (promisedRows * rowLength > this.limits.maxStreamBytes) {
      throw new PdfError('TOO_COMPLEX', 'This PDF’s cross-reference stream promises more entries than any document has.');
    }
    const data = this.decodeStream(stream);
    const entries = new Map<number, XrefEntry>();
    let pos = 0;
    const readField = (width: number): number => {
      let value = 0;
      for (let i = 0; i < width; i++) value = value * 256 + data[pos++]!;
      return value;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r]!;
      const count = ranges[r + 1]!;
      if (count < 0 || pos + count * rowLength > data.length) {
        throw new PdfError('MALFORMED', 'the cross-reference stream is shorter than its /Index says');
      }
      for (let i = 0; i < count; i++) {
        const type = w0 === 0 ? 1 : readField(w0);
        const field2 = readField(w1);
        const field3 = readField(w2);
        const num = first + i;
        if (type === 0) entries.set(num, { type: 'free', num, gen: field3 });
        else if (type === 1) entries.set(num, { type: 'offset', num, gen: field3, offset: field2 });
        else if (type === 2) entries.set(num, { type: 'compressed', num, gen: 0, streamNum: field2, index: field3 });
      }
    }
    return { offset, kind: 'stream', entries, trailer: dict };
  }

  private assertObjectCount(count: number): void {
    if (count > this.limits.maxObjects) {
      throw new PdfError(
        'TOO_COMPLEX',
        `This PDF declares ${count.toLocaleString('en')} objects; at most ${this.limits.maxObjects.toLocaleString('en')} are accepted.`,
      );
    }
  }

  private trailerHasRoot(): boolean {
    return this.sections.some((section) => section.trailer.get('Root') instanceof PdfRef);
  }

  private mergeTrailers(): PdfDict {
    // Newest first: a key in a newer trailer wins.
    const merged = new PdfDict();
    for (let i = this.sections.length - 1; i >= 0; i--) {
      for (const [key, value] of this.sections[i]!.trailer.entries) merged.set(key, value);
    }
    for (const key of ['Prev', 'XRefStm', 'Type', 'W', 'Index', 'Filter', 'DecodeParms', 'Length']) merged.delete(key);
    return merged;
  }

  /**
   * Rebuilds the object table by scanning for "N G obj" headers (later ones win),
   * the way viewers repair a damaged file. Only used when the xref chain fails.
   */
  private recoverByScanning(): void {
    const offsets = this.scanObjectHeaders();
    const entries = new Map<number, XrefEntry>();
    for (const [num, offset] of offsets) entries.set(num, { type: 'offset', num, gen: 0, offset });
    // Objects inside object streams become reachable through the streams found.
    for (const [num, offset] of offsets) {
      const object = this.tryParseAt(offset, num);
      if (object?.value instanceof PdfStream && object.value.dict.nameOf('Type') === 'ObjStm') {
        try {
          const values = this.objectStreamHeader(object.value);
          values.forEach((objNum, index) => {
            if (!entries.has(objNum)) entries.set(objNum, { type: 'compressed', num: objNum, gen: 0, streamNum: num, index });
          });
        } catch (error) {
          // A broken object stream in a damaged file: its objects stay unknown.
          if (isHardLimit(error)) throw error;
        }
      }
    }
    for (const [num, entry] of entries) this.entries.set(num, entry);

    let trailer: PdfDict | undefined;
    let at = lastIndexOfAscii(this.bytes, 'trailer');
    while (at >= 0 && !trailer) {
      try {
        const lexer = new PdfLexer(this.bytes, at + 'trailer'.length);
        const value = lexer.parseDirectValue();
        if (value instanceof PdfDict && value.get('Root') instanceof PdfRef) trailer = value;
      } catch (error) {
        if (isHardLimit(error)) throw error;
        // keep looking further up
      }
      at = at > 0 ? lastIndexOfAscii(this.bytes, 'trailer', at - 1) : -1;
    }
    if (!trailer) {
      for (const [num, offset] of [...offsets].reverse()) {
        const object = this.tryParseAt(offset, num);
        if (object?.value instanceof PdfStream && object.value.dict.nameOf('Type') === 'XRef' && object.value.dict.get('Root') instanceof PdfRef) {
          trailer = object.value.dict;
          break;
        }
      }
    }
    if (!trailer) {
      for (const num of entries.keys()) {
        const value = this.tryGetObject(num);
        if (value instanceof PdfDict && value.nameOf('Type') === 'Catalog') {
          trailer = new PdfDict().set('Root', new PdfRef(num, 0));
          break;
        }
      }
    }
    if (!trailer) {
      throw new PdfError('TRUNCATED', 'This PDF is damaged: its cross-reference table is broken and no document catalog could be found.');
    }
    this.sections.push({ offset: -1, kind: 'table', entries, trailer });
  }

  private scanObjectHeaders(): Map<number, number> {
    if (this.scannedOffsets) return this.scannedOffsets;
    const text = asBuffer(this.bytes).toString('latin1');
    const offsets = new Map<number, number>();
    const pattern = /(?<![0-9])(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z])/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      offsets.set(Number(match[1]), match.index);
      if (offsets.size > this.limits.maxObjects) this.assertObjectCount(offsets.size);
    }
    this.scannedOffsets = offsets;
    return offsets;
  }

  private tryParseAt(offset: number, num: number): IndirectObject | undefined {
    try {
      const object = new PdfLexer(this.bytes, offset).parseIndirectObject((ref) => this.resolveLength(ref));
      return object.num === num ? object : undefined;
    } catch (error) {
      if (isHardLimit(error)) throw error;
      return undefined;
    }
  }

  private tryGetObject(num: number): PdfValue | undefined {
    try {
      return this.getObject(num);
    } catch (error) {
      if (isHardLimit(error)) throw error;
      return undefined;
    }
  }

  // ------------------------------------------------------------ objects

  private resolveLength(ref: PdfRef): number | undefined {
    if (this.resolving.has(ref.num)) return undefined;
    try {
      const value = this.getObject(ref.num);
      return typeof value === 'number' ? value : undefined;
    } catch (error) {
      if (isHardLimit(error)) throw error;
      return undefined;
    }
  }

  /** The object with this number as of the newest revision (null when absent or free). */
  getObject(num: number): PdfValue {
    const cached = this.objectCache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(num);
    if (!entry || entry.type === 'free') return null;
    if (this.resolving.has(num)) throw new PdfError('STRUCTURE_LOOP', `This PDF’s object ${num} refers to itself while being read.`);
    this.resolving.add(num);
    try {
      let value: PdfValue;
      if (entry.type === 'offset') {
        value = this.readObjectAt(num, entry.offset).value;
      } else {
        value = this.readCompressedObject(entry.streamNum, entry.index, num);
      }
      this.objectCache.set(num, value);
      return value;
    } finally {
      this.resolving.delete(num);
    }
  }

  /** Reads an uncompressed object, including where its bytes are (the verifier needs them). */
  readObjectAt(num: number, offset: number): IndirectObject {
    const direct = this.tryParseAtChecked(offset, num);
    if (direct) return direct;
    // Many writers get offsets slightly wrong: look the header up by scanning.
    const scanned = this.scanObjectHeaders().get(num);
    if (scanned !== undefined && scanned !== offset) {
      const found = this.tryParseAtChecked(scanned, num);
      if (found) return found;
    }
    throw new PdfError('MALFORMED', `object ${num} is not where the cross-reference table says (byte ${offset})`);
  }

  private tryParseAtChecked(offset: number, num: number): IndirectObject | undefined {
    if (offset < 0 || offset >= this.bytes.length) return undefined;
    const lexer = new PdfLexer(this.bytes, offset);
    try {
      lexer.skipWhitespaceAndComments();
      const headerStart = lexer.pos;
      if (lexer.readInteger() !== num) return undefined;
      lexer.readInteger();
      if (lexer.readKeyword() !== 'obj') return undefined;
      lexer.pos = headerStart;
    } catch {
      return undefined;
    }
    // The header matches: errors inside the object are real and propagate.
    return lexer.parseIndirectObject((ref) => this.resolveLength(ref));
  }

  private readCompressedObject(streamNum: number, index: number, num: number): PdfValue {
    let values = this.objectStreamCache.get(streamNum);
    if (!values) {
      const stream = this.getObject(streamNum);
      if (!(stream instanceof PdfStream) || stream.dict.nameOf('Type') !== 'ObjStm') {
        throw new PdfError('MALFORMED', `object ${num} points into object ${streamNum}, which is not an object stream`);
      }
      values = this.parseObjectStream(stream);
      this.objectStreamCache.set(streamNum, values);
    }
    const value = values[index];
    if (value === undefined) throw new PdfError('MALFORMED', `object ${num} is missing from object stream ${streamNum}`);
    return value;
  }

  private objectStreamHeader(stream: PdfStream): number[] {
    const data = this.decodeStream(stream);
    const count = stream.dict.get('N');
    if (typeof count !== 'number' || count < 0 || count * 4 > data.length) {
      throw new PdfError('MALFORMED', 'an object stream has an invalid /N');
    }
    const lexer = new PdfLexer(data, 0);
    const nums: number[] = [];
    for (let i = 0; i < count; i++) {
      nums.push(lexer.readInteger());
      lexer.readInteger();
    }
    return nums;
  }

  private parseObjectStream(stream: PdfStream): PdfValue[] {
    const data = this.decodeStream(stream);
    const count = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof count !== 'number' || typeof first !== 'number' || count < 0 || count * 4 > data.length || first > data.length) {
      throw new PdfError('MALFORMED', 'an object stream has an invalid /N or /First');
    }
    const header = new PdfLexer(data, 0);
    const offsets: number[] = [];
    for (let i = 0; i < count; i++) {
      header.readInteger();
      offsets.push(header.readInteger());
    }
    return offsets.map((offset) => {
      const lexer = new PdfLexer(data, first + offset);
      const value = lexer.parseValue(0);
      if (value instanceof Keyword) throw new PdfError('MALFORMED', 'an object stream holds a keyword where an object belongs');
      return value;
    });
  }

  /** Follows references (bounded) to a direct value. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; current instanceof PdfRef; hops++) {
      if (hops > 32) throw new PdfError('STRUCTURE_LOOP', 'This PDF has a chain of references that is too long or loops.');
      current = this.getObject(current.num);
    }
    return current;
  }

  resolveDict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (resolved instanceof PdfDict) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    return undefined;
  }

  resolveArray(value: PdfValue | undefined): PdfValue[] | undefined {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : undefined;
  }

  resolveNumber(value: PdfValue | undefined): number | undefined {
    const resolved = this.resolve(value);
    return typeof resolved === 'number' ? resolved : undefined;
  }

  // ------------------------------------------------------------ streams

  /** Decodes a stream's data (FlateDecode with PNG predictors; nothing else is needed here). */
  decodeStream(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter === undefined ? [] : [filter];
    const params = this.resolve(stream.dict.get('DecodeParms'));
    const paramsList = Array.isArray(params) ? params.map((p) => this.resolve(p)) : [params];
    let data: Uint8Array = stream.data;
    filters.forEach((item, i) => {
      if (!(item instanceof PdfName)) throw new PdfError('MALFORMED', 'a stream has an invalid /Filter');
      if (item.value !== 'FlateDecode' && item.value !== 'Fl') {
        throw new PdfError('UNSUPPORTED', `a structural stream uses the ${item.value} filter, which is not supported`);
      }
      data = this.inflate(data);
      const param = paramsList[i];
      if (param instanceof PdfDict) data = applyPredictor(data, param);
    });
    return data;
  }

  private inflate(data: Uint8Array): Uint8Array {
    const remaining = this.limits.maxTotalInflatedBytes - this.inflatedTotal;
    const limit = Math.min(this.limits.maxStreamBytes, remaining);
    if (remaining <= 0) throw decodeBudgetError(this.limits.maxTotalInflatedBytes);
    if (limit <= 0) throw new PdfError('MALFORMED', 'This PDF expands to too much data when decompressed (a "zip bomb").');
    let out: Buffer;
    try {
      out = inflateSync(data, { maxOutputLength: limit, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw decodeBudgetError(limit);
      }
      throw new PdfError('MALFORMED', 'a compressed stream in this PDF is corrupt', { cause: error });
    }
    this.inflatedTotal += out.length;
    return out;
  }

  // ------------------------------------------------------------ document structure

  catalog(): PdfDict {
    const root = this.trailer.get('Root');
    const catalog = this.resolveDict(root);
    if (!catalog) throw new PdfError('MALFORMED', 'This PDF has no document catalog.');
    return catalog;
  }

  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfError('MALFORMED', 'This PDF has no document catalog.');
    return root;
  }

  /**
   * The pages in order. Walks the page tree iteratively with a visited set, so a
   * cyclic tree or an absurd /Count cannot make it loop, recurse or allocate.
   */
  pages(): PageInfo[] {
    const catalog = this.catalog();
    const rootRef = catalog.get('Pages');
    if (!(rootRef instanceof PdfRef)) throw new PdfError('MALFORMED', 'This PDF has no page tree.');
    const rootDict = this.resolveDict(rootRef);
    if (!rootDict) throw new PdfError('MALFORMED', 'This PDF has no page tree.');
    const claimed = this.resolveNumber(rootDict.get('Count'));
    if (claimed !== undefined && claimed > this.limits.maxPages) {
      throw new PdfError(
        'TOO_COMPLEX',
        `This PDF claims ${claimed.toLocaleString('en')} pages; at most ${this.limits.maxPages.toLocaleString('en')} are supported.`,
      );
    }

    interface Inherited {
      mediaBox?: PdfValue;
      cropBox?: PdfValue;
      rotate?: PdfValue;
      resources?: PdfValue;
    }
    const pages: PageInfo[] = [];
    const visited = new Set<number>();
    const stack: { ref: PdfRef; inherited: Inherited }[] = [{ ref: rootRef, inherited: {} }];
    while (stack.length > 0) {
      const { ref: nodeRef, inherited } = stack.pop()!;
      if (visited.has(nodeRef.num)) {
        throw new PdfError('STRUCTURE_LOOP', 'This PDF’s page tree contains a cycle (a page node is its own ancestor or appears twice).');
      }
      visited.add(nodeRef.num);
      if (visited.size > this.limits.maxPageTreeNodes) throw new PdfError('TOO_COMPLEX', 'This PDF’s page tree is too large.');
      const node = this.resolveDict(nodeRef);
      if (!node) throw new PdfError('MALFORMED', `page tree node ${nodeRef.num} is missing`);
      const own: Inherited = {
        mediaBox: node.get('MediaBox') ?? inherited.mediaBox,
        cropBox: node.get('CropBox') ?? inherited.cropBox,
        rotate: node.get('Rotate') ?? inherited.rotate,
        resources: node.get('Resources') ?? inherited.resources,
      };
      const kids = node.get('Kids');
      const type = node.nameOf('Type');
      if (type === 'Pages' || (type !== 'Page' && kids !== undefined)) {
        const kidList = this.resolveArray(kids);
        if (!kidList) throw new PdfError('MALFORMED', `page tree node ${nodeRef.num} has no /Kids`);
        // Reverse so that popping visits kids in document order.
        for (let i = kidList.length - 1; i >= 0; i--) {
          const kid = kidList[i];
          if (!(kid instanceof PdfRef)) throw new PdfError('MALFORMED', 'a page tree node lists a kid that is not a reference');
          stack.push({ ref: kid, inherited: own });
        }
        continue;
      }
      if (pages.length >= this.limits.maxPages) {
        throw new PdfError('TOO_COMPLEX', `This PDF has more than ${this.limits.maxPages.toLocaleString('en')} pages.`);
      }
      const mediaBox = this.readBox(own.mediaBox) ?? [0, 0, 612, 792];
      const cropBox = intersectBoxes(this.readBox(own.cropBox) ?? mediaBox, mediaBox);
      const rotate = (((this.resolveNumber(own.rotate) ?? 0) % 360) + 360) % 360;
      pages.push({ index: pages.length, ref: nodeRef, dict: node, mediaBox, cropBox, rotate, resources: own.resources });
    }
    return pages;
  }

  /** /Rotate of a page (inherited through /Parent), normalised to 0, 90, 180 or 270. */
  pageRotation(pageRef: PdfValue | undefined): number {
    let node = this.resolveDict(pageRef);
    for (let depth = 0; node && depth < 64; depth++) {
      const rotate = this.resolveNumber(node.get('Rotate'));
      if (rotate !== undefined) return (((Math.round(rotate / 90) * 90) % 360) + 360) % 360;
      node = this.resolveDict(node.get('Parent'));
    }
    return 0;
  }

  readBox(value: PdfValue | undefined): [number, number, number, number] | undefined {
    const array = this.resolveArray(value);
    if (!array || array.length !== 4) return undefined;
    const numbers = array.map((v) => this.resolveNumber(v));
    if (numbers.some((n) => n === undefined || !Number.isFinite(n))) return undefined;
    const [a, b, c, d] = numbers as [number, number, number, number];
    return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  }
}

function decodeBudgetError(limit: number): PdfError {
  return new PdfError(
    'DECODE_BUDGET',
    `This PDF expands to more than ${Math.round(limit / 1024 / 1024).toLocaleString('en')} MB when decompressed (a "decompression bomb").`,
  );
}

function intersectBoxes(a: [number, number, number, number], b: [number, number, number, number]): [number, number, number, number] {
  const box: [number, number, number, number] = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[2] > box[0] && box[3] > box[1] ? box : b;
}

/** PNG (10–15) and TIFF-less predictors as used by xref and object streams. */
function applyPredictor(data: Uint8Array, params: PdfDict): Uint8Array {
  const predictor = params.get('Predictor');
  if (typeof predictor !== 'number' || predictor <= 1) return data;
  if (predictor < 10) throw new PdfError('UNSUPPORTED', `stream predictor ${predictor} is not supported`);
  const columnsValue = params.get('Columns');
  const colorsValue = params.get('Colors');
  const bitsValue = params.get('BitsPerComponent');
  const columns = typeof columnsValue === 'number' ? columnsValue : 1;
  const colors = typeof colorsValue === 'number' ? colorsValue : 1;
  const bits = typeof bitsValue === 'number' ? bitsValue : 8;
  const bytesPerPixel = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((columns * colors * bits) / 8);
  if (rowLength <= 0) throw new PdfError('MALFORMED', 'invalid predictor /Columns');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  let previous = new Uint8Array(rowLength);
  for (let row = 0; row < rows; row++) {
    const filterType = data[row * (rowLength + 1)]!;
    const input = data.subarray(row * (rowLength + 1) + 1, (row + 1) * (rowLength + 1));
    const current = out.subarray(row * rowLength, (row + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bytesPerPixel ? current[i - bytesPerPixel]! : 0;
      const up = previous[i]!;
      const upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel]! : 0;
      const raw = input[i]!;
      let value: number;
      switch (filterType) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfError('MALFORMED', `invalid PNG predictor row type ${filterType}`);
      }
      current[i] = value & 0xff;
    }
    previous = current;
  }
  return out;
}
