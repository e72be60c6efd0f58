// Worker-thread entry that inspects an uploaded PDF (hostile case 6). It runs inside a
// worker with a heap limit and a kill timer (lib/documents/inspect-pdf-in-worker.ts), so
// a hostile file can only exhaust this thread, never the server.
//
// Plain JavaScript on purpose: the server loads it by file path at run time, which works
// the same under `next start` (the app is bundled, this file is not) and under vitest/tsx.
// It imports only pdf-lib and node built-ins.
//
// Answer posted to the parent:
//   { ok: true, pageCount, pages: [{ width, height, originX, originY, rotate }], encrypted: false }
//   { ok: false, code: 'NOT_A_PDF' | 'ENCRYPTED' | 'TRUNCATED' | 'NO_PAGES' | 'MALFORMED' | 'TOO_COMPLEX', message }

import { parentPort, workerData } from 'node:worker_threads';
import { constants as zlibConstants, inflateSync } from 'node:zlib';

class Refusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const limits = {
  maxPages: 5000,
  maxPageTreeDepth: 64,
  maxPageTreeNodes: 20_000,
  /** Largest decompressed object or cross-reference stream. */
  maxStructureStreamBytes: 16 * 1024 * 1024,
  /** All decompressed structure streams together. */
  maxTotalStructureBytes: 48 * 1024 * 1024,
  ...(workerData?.limits ?? {}),
};

function latin1(bytes, start = 0, end = bytes.length) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

function checkEnvelope(bytes) {
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  if (!head.includes('%PDF-')) throw new Refusal('NOT_A_PDF', 'The file is not a PDF: it does not start with the %PDF- signature.');
  const tail = latin1(bytes, Math.max(0, bytes.length - 2048));
  if (!tail.includes('%%EOF') || !tail.includes('startxref')) {
    throw new Refusal('TRUNCATED', 'The PDF is incomplete: its end (startxref and %%EOF) is missing, so the file was probably cut off.');
  }
}

function checkEncryption(text) {
  // The trailer or cross-reference stream of an encrypted file names an /Encrypt dictionary.
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text)) {
    throw new Refusal('ENCRYPTED', 'The PDF is encrypted or password-protected. Please upload an unprotected copy.');
  }
}

/**
 * Arrays or dictionaries nested hundreds deep exist in no real document; pdf-lib's
 * recursive parser gives up on them. Asked only after a failed parse, to say why (raw
 * image data could contain such byte runs by chance).
 */
function isDeeplyNested(text) {
  return /(\[\s*){256}/.test(text) || /(<<\s*(\/[^\s<>[\]/()]+\s*)?){256}/.test(text);
}

/**
 * pdf-lib inflates every object stream and cross-reference stream while loading, with no
 * size limit: a few hundred kilobytes can expand to gigabytes. Inflate each such stream
 * here first, with a hard output limit, so a bomb is refused before pdf-lib sees it.
 */
function checkStructureStreams(bytes, text) {
  const pattern = /\/Type\s*\/(ObjStm|XRef)\b/g;
  let total = 0;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    const dictStart = text.lastIndexOf('obj', match.index);
    const streamAt = text.indexOf('stream', match.index);
    if (streamAt < 0 || streamAt - match.index > 64 * 1024) continue;
    const dictText = text.slice(Math.max(dictStart, match.index - 64 * 1024), streamAt);
    const flateCount = (dictText.match(/\/(FlateDecode|Fl)\b/g) ?? []).length;
    if (flateCount === 0) continue;
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    let data = bytes.subarray(dataStart);
    for (let pass = 0; pass < flateCount; pass += 1) {
      const remaining = limits.maxTotalStructureBytes - total;
      const allowed = Math.min(limits.maxStructureStreamBytes, remaining);
      try {
        data = inflateSync(data, { maxOutputLength: Math.max(1, allowed), finishFlush: zlibConstants.Z_SYNC_FLUSH });
      } catch (error) {
        if (error && error.code === 'ERR_BUFFER_TOO_LARGE') {
          throw new Refusal(
            'TOO_COMPLEX',
            `The PDF contains a compressed stream that expands to more than ${Math.round(allowed / 1024 / 1024)} MB (a "decompression bomb"). It cannot be used.`,
          );
        }
        // Damaged data: pdf-lib will judge the structure below.
        break;
      }
      total += data.length;
    }
    pattern.lastIndex = Math.max(pattern.lastIndex, streamAt + 6);
  }
}

function numbersOf(context, value, PDFArray, PDFNumber) {
  const array = context.lookup(value);
  if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
  const numbers = [];
  for (let index = 0; index < 4; index += 1) {
    const item = context.lookup(array.get(index));
    if (!(item instanceof PDFNumber)) return undefined;
    const number = item.asNumber();
    if (!Number.isFinite(number)) return undefined;
    numbers.push(number);
  }
  return [Math.min(numbers[0], numbers[2]), Math.min(numbers[1], numbers[3]), Math.max(numbers[0], numbers[2]), Math.max(numbers[1], numbers[3])];
}

function intersect(a, b) {
  const box = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[2] > box[0] && box[3] > box[1] ? box : a;
}

/** Walks the page tree without recursion, refusing cycles, shared nodes and absurd sizes. */
function collectPages(pdfLib, doc) {
  const { PDFDict, PDFName, PDFArray, PDFNumber, PDFRef } = pdfLib;
  const context = doc.context;
  const root = context.lookup(doc.catalog.get(PDFName.of('Pages')));
  if (!(root instanceof PDFDict)) throw new Refusal('NO_PAGES', 'The PDF has no page tree, so it has no pages to show or sign.');
  const declared = context.lookup(root.get(PDFName.of('Count')));
  if (declared instanceof PDFNumber && declared.asNumber() > limits.maxPages) {
    throw new Refusal('TOO_COMPLEX', `The PDF declares ${declared.asNumber()} pages; at most ${limits.maxPages} are accepted.`);
  }
  const seen = new Set();
  const pages = [];
  const stack = [{ node: root, depth: 0, inherited: {} }];
  let visited = 0;
  while (stack.length > 0) {
    const { node, depth, inherited } = stack.pop();
    if (seen.has(node)) throw new Refusal('MALFORMED', 'The PDF page tree is cyclic (a page node appears inside itself or twice), so the file is damaged or hostile.');
    seen.add(node);
    visited += 1;
    if (visited > limits.maxPageTreeNodes) throw new Refusal('TOO_COMPLEX', 'The PDF page tree is too large to be a real document.');
    if (depth > limits.maxPageTreeDepth) throw new Refusal('TOO_COMPLEX', 'The PDF page tree is nested too deeply to be a real document.');
    const own = {
      mediaBox: node.get(PDFName.of('MediaBox')) ?? inherited.mediaBox,
      cropBox: node.get(PDFName.of('CropBox')) ?? inherited.cropBox,
      rotate: node.get(PDFName.of('Rotate')) ?? inherited.rotate,
    };
    const kids = context.lookup(node.get(PDFName.of('Kids')));
    const type = context.lookup(node.get(PDFName.of('Type')));
    if (kids instanceof PDFArray && type !== PDFName.of('Page')) {
      // Push in reverse so pages come out in document order.
      for (let index = kids.size() - 1; index >= 0; index -= 1) {
        const reference = kids.get(index);
        const kid = reference instanceof PDFRef ? context.lookup(reference) : reference;
        if (!(kid instanceof PDFDict)) throw new Refusal('MALFORMED', 'The PDF page tree refers to a page that does not exist.');
        stack.push({ node: kid, depth: depth + 1, inherited: own });
      }
      continue;
    }
    if (pages.length >= limits.maxPages) throw new Refusal('TOO_COMPLEX', `The PDF has more than ${limits.maxPages} pages.`);
    const mediaBox = numbersOf(context, own.mediaBox, PDFArray, PDFNumber) ?? [0, 0, 612, 792];
    const cropBox = numbersOf(context, own.cropBox, PDFArray, PDFNumber);
    const box = cropBox ? intersect(mediaBox, cropBox) : mediaBox;
    const rotateValue = context.lookup(own.rotate);
    const rotate = rotateValue instanceof PDFNumber ? ((Math.round(rotateValue.asNumber() / 90) * 90) % 360 + 360) % 360 : 0;
    const width = box[2] - box[0];
    const height = box[3] - box[1];
    if (!(width > 0 && height > 0 && width <= 14_400 && height <= 14_400)) {
      throw new Refusal('MALFORMED', `Page ${pages.length + 1} of the PDF has an impossible size.`);
    }
    pages.push({ width, height, originX: box[0], originY: box[1], rotate });
  }
  if (pages.length === 0) throw new Refusal('NO_PAGES', 'The PDF has no pages.');
  return pages;
}

async function inspect(bytes) {
  checkEnvelope(bytes);
  const text = latin1(bytes);
  checkEncryption(text);
  checkStructureStreams(bytes, text);
  const pdfLib = await import('pdf-lib');
  let doc;
  try {
    doc = await pdfLib.PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch (error) {
    if (error instanceof RangeError || isDeeplyNested(text)) {
      throw new Refusal('TOO_COMPLEX', 'The PDF nests arrays or dictionaries hundreds of levels deep; no real document does that, and it cannot be read safely.');
    }
    throw new Refusal('MALFORMED', `The PDF's internal structure is damaged and cannot be read (${String(error?.message ?? error).slice(0, 160)}).`);
  }
  if (doc.isEncrypted) throw new Refusal('ENCRYPTED', 'The PDF is encrypted or password-protected. Please upload an unprotected copy.');
  let pages;
  try {
    pages = collectPages(pdfLib, doc);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (error instanceof RangeError) throw new Refusal('TOO_COMPLEX', 'The PDF nests its objects too deeply to be read safely.');
    throw new Refusal('MALFORMED', `The PDF's page tree cannot be read (${String(error?.message ?? error).slice(0, 160)}).`);
  }
  return { pageCount: pages.length, pages, encrypted: false };
}

try {
  const input = workerData?.bytes;
  if (!(input instanceof Uint8Array)) throw new Refusal('NOT_A_PDF', 'No file was received.');
  const result = await inspect(input);
  parentPort?.postMessage({ ok: true, ...result });
} catch (error) {
  if (error instanceof Refusal) {
    parentPort?.postMessage({ ok: false, code: error.code, message: error.message });
  } else {
    parentPort?.postMessage({ ok: false, code: 'MALFORMED', message: `The PDF cannot be read (${String(error?.message ?? error).slice(0, 160)}).` });
  }
}
