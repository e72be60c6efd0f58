import { randomBytes } from 'node:crypto';

import { PdfError } from './pdf-error';
import { dict, name, PdfDict, PdfRef, PdfString, serializeValue, type PdfValue } from './pdf-objects';
import type { PdfFile, XrefEntry } from './read-pdf-file';

/** One object written by an update: a new number, or an existing one it overrides. */
export interface UpdateObject {
  num: number;
  gen?: number;
  /** The object's body, as produced by serializeObjectBody. */
  body: Uint8Array;
}

export interface IncrementalUpdate {
  /** The bytes to append to the previous revision, unchanged. */
  bytes: Uint8Array;
  /** Where each object's body starts, relative to the start of `bytes`. */
  bodyOffsets: Map<number, number>;
  /** Trailer /Size after the update. */
  size: number;
}

/**
 * Appends one incremental update: the given objects, a cross-reference section for
 * exactly those objects and a trailer whose /Prev points to the previous section.
 * The previous bytes are never touched, so every earlier signature stays intact.
 * The section has the same kind (table or stream) as the file's newest one.
 *
 * A file whose xref chain was broken (PdfFile.recovered) instead gets a complete
 * section without /Prev, so readers no longer depend on the broken one.
 */
export function writeIncrementalUpdate(file: PdfFile, objects: UpdateObject[]): IncrementalUpdate {
  const base = file.bytes.length;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };

  const last = file.bytes[base - 1];
  if (last !== 0x0a && last !== 0x0d) push('\n');

  const bodyOffsets = new Map<number, number>();
  const written = new Map<number, XrefEntry>();
  const sorted = [...objects].sort((a, b) => a.num - b.num);
  let largest = 0;
  for (const object of sorted) {
    if (written.has(object.num)) throw new Error(`object ${object.num} written twice in one update`);
    const gen = object.gen ?? 0;
    const offset = base + length;
    push(`${object.num} ${gen} obj\n`);
    bodyOffsets.set(object.num, length);
    push(object.body);
    push('\nendobj\n');
    written.set(object.num, { type: 'offset', num: object.num, gen, offset });
    largest = Math.max(largest, object.num);
  }

  const full = file.recovered;
  const entries = new Map<number, XrefEntry>();
  if (full) {
    for (const num of file.objectNumbers()) {
      const entry = file.entry(num);
      if (entry) entries.set(num, entry);
    }
  }
  for (const [num, entry] of written) entries.set(num, entry);

  const hasCompressed = [...entries.values()].some((entry) => entry.type === 'compressed');
  const useStream = full ? hasCompressed : file.lastXrefKind === 'stream';
  let size = Math.max(file.size, largest + 1);

  const previousId = file.trailer.get('ID');
  const firstId = Array.isArray(previousId) && previousId[0] instanceof PdfString ? previousId[0] : new PdfString(randomBytes(16), 'hex');
  const trailer = dict({
    Root: file.trailer.get('Root'),
    Info: file.trailer.get('Info') instanceof PdfRef ? file.trailer.get('Info') : undefined,
    // The second ID changes with every revision (ISO 32000-1, 14.4).
    ID: [firstId, new PdfString(randomBytes(16), 'hex')],
    Prev: full ? undefined : file.startxref,
  });

  const xrefOffset = base + length;
  if (useStream) {
    const streamNum = size;
    size += 1;
    entries.set(streamNum, { type: 'offset', num: streamNum, gen: 0, offset: xrefOffset });
    const nums = [...entries.keys()].sort((a, b) => a - b);
    const index = subsections(nums);
    const rows = Buffer.alloc(nums.length * 7);
    nums.forEach((num, i) => {
      const entry = entries.get(num)!;
      const row = i * 7;
      if (entry.type === 'offset') {
        rows[row] = 1;
        rows.writeUInt32BE(entry.offset, row + 1);
        rows.writeUInt16BE(entry.gen, row + 5);
      } else if (entry.type === 'compressed') {
        if (entry.index > 0xffff) throw new PdfError('UNSUPPORTED', 'an object stream is too large to reference');
        rows[row] = 2;
        rows.writeUInt32BE(entry.streamNum, row + 1);
        rows.writeUInt16BE(entry.index, row + 5);
      } else {
        rows[row] = 0;
        rows.writeUInt16BE(Math.min(entry.gen, 0xffff), row + 5);
      }
    });
    const streamDict: PdfDict = trailer.clone();
    streamDict
      .set('Type', name('XRef'))
      .set('Size', size)
      .set('W', [1, 4, 2])
      .set(
        'Index',
        index.flatMap(([first, count]) => [first, count]),
      )
      .set('Length', rows.length);
    push(`${streamNum} 0 obj\n${serializeValue(streamDict)}\nstream\n`);
    push(rows);
    push('\nendstream\nendobj\n');
  } else {
    const nums = [...entries.keys()].filter((num) => entries.get(num)!.type !== 'compressed').sort((a, b) => a - b);
    if (full && !entries.has(0)) {
      nums.unshift(0);
      entries.set(0, { type: 'free', num: 0, gen: 65535 });
    }
    let table = 'xref\n';
    for (const [first, count] of subsections(nums)) {
      table += `${first} ${count}\n`;
      for (let num = first; num < first + count; num++) {
        const entry = entries.get(num)!;
        if (entry.type === 'offset') table += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
        else table += `0000000000 ${String(Math.min(entry.gen, 65535)).padStart(5, '0')} f\r\n`;
      }
    }
    trailer.set('Size', size);
    push(table);
    push(`trailer\n${serializeValue(reorderTrailer(trailer))}\n`);
  }
  push(`startxref\n${xrefOffset}\n%%EOF\n`);

  return { bytes: Buffer.concat(chunks, length), bodyOffsets, size };
}

function reorderTrailer(trailer: PdfDict): PdfDict {
  // /Size first is conventional and what most writers produce.
  const ordered = new PdfDict();
  const sizeValue: PdfValue | undefined = trailer.get('Size');
  if (sizeValue !== undefined) ordered.set('Size', sizeValue);
  for (const [key, value] of trailer.entries) if (key !== 'Size') ordered.set(key, value);
  return ordered;
}

function subsections(sortedNums: number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const num of sortedNums) {
    const current = result[result.length - 1];
    if (current && current[0] + current[1] === num) current[1] += 1;
    else result.push([num, 1]);
  }
  return result;
}
