import { deflateSync } from 'node:zlib';

import fontkit, { type Font, type FontCollection } from '@cantoo/fontkit';
import {
  PDFArray,
  PDFBool,
  PDFContentStream,
  PDFDict as LibDict,
  PDFDocument,
  PDFHexString,
  PDFName as LibName,
  PDFNull,
  PDFNumber,
  PDFObject,
  PDFRef as LibRef,
  PDFStream as LibStream,
  PDFString as LibString,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

import { FAST_SHAPING, loadFontBytes, type FontKey } from './load-fonts';
import { dict, name, PdfDict, PdfName, PdfRef, PdfStream, PdfString, ref, serializeObjectBody, type PdfValue } from './pdf-objects';
import type { UpdateObject } from './write-incremental-update';

/**
 * pdf-lib is used only as a drawing tool: callers draw on a scratch page of the
 * appearance's size, and the result is turned into a Form XObject whose objects are
 * renumbered into the target file's free object numbers. The target file itself is
 * never loaded into pdf-lib, so no other object of it can be rewritten by accident.
 */

/**
 * pdf-lib parses the font file on every embed; a 6 MB CJK font costs tens of
 * milliseconds each time. Parsed fonts are kept per file (fontkit fonts are not
 * changed by subsetting, which builds a separate Subset object).
 */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitCreateResult = ReturnType<Fontkit['create']>;
const parsedFonts = new WeakMap<Uint8Array, Font | FontCollection>();
const cachingFontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName) as FontkitCreateResult;
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font as FontkitCreateResult;
  },
};

export interface DrawingFonts {
  get(key: FontKey): Promise<PDFFont>;
}

export interface DrawnXObject {
  /** Object number of the Form XObject (the first number allocated). */
  num: number;
  objects: UpdateObject[];
  /** First object number not used. */
  nextNum: number;
}

/**
 * Matrix that turns an appearance drawn upright (w×h swapped for 90/270) so that it
 * reads upright on a page shown with this /Rotate.
 */
export function uprightMatrix(rotate: number): number[] | undefined {
  switch (rotate) {
    case 90:
      return [0, 1, -1, 0, 0, 0];
    case 180:
      return [-1, 0, 0, -1, 0, 0];
    case 270:
      return [0, -1, 1, 0, 0, 0];
    default:
      return undefined;
  }
}

/** The size to draw at for a widget of this size on a page with this rotation. */
export function uprightSize(width: number, height: number, rotate: number): [number, number] {
  return rotate === 90 || rotate === 270 ? [height, width] : [width, height];
}

export async function drawFormXObject(
  width: number,
  height: number,
  firstNum: number,
  draw: (page: PDFPage, fonts: DrawingFonts, doc: PDFDocument) => Promise<void> | void,
  options: { matrix?: number[] } = {},
): Promise<DrawnXObject> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const page = doc.addPage([width, height]);
  const embedded = new Map<FontKey, Promise<PDFFont>>();
  const fonts: DrawingFonts = {
    get(key) {
      let font = embedded.get(key);
      if (!font) {
        font = doc.embedFont(loadFontBytes(key), { subset: true, features: FAST_SHAPING[key] });
        embedded.set(key, font);
      }
      return font;
    },
  };
  await draw(page, fonts, doc);
  await doc.flush();

  const contents = page.node.Contents();
  const streams: LibStream[] = [];
  if (contents instanceof PDFArray) {
    for (const item of contents.asArray()) {
      const stream = doc.context.lookup(item);
      if (stream instanceof LibStream) streams.push(stream);
    }
  } else if (contents instanceof LibStream) {
    streams.push(contents);
  }
  const content = Buffer.concat(
    streams.map((stream) => {
      const raw = stream instanceof PDFContentStream ? stream.getUnencodedContents() : stream.getContents();
      return Buffer.concat([Buffer.from(raw), Buffer.from('\n')]);
    }),
  );

  const numbering = new Map<string, number>();
  let nextNum = firstNum + 1;
  const queue: LibRef[] = [];
  const mapRef = (libRef: LibRef): PdfRef => {
    const key = libRef.tag;
    let num = numbering.get(key);
    if (num === undefined) {
      num = nextNum++;
      numbering.set(key, num);
      queue.push(libRef);
    }
    return ref(num);
  };

  const resources = page.node.Resources();
  const resourcesValue = resources ? convert(resources, mapRef) : new PdfDict();
  const xobject = new PdfStream(
    dict({
      Type: name('XObject'),
      Subtype: name('Form'),
      BBox: [0, 0, width, height],
      Matrix: options.matrix,
      Resources: resourcesValue,
      Filter: name('FlateDecode'),
    }),
    deflateSync(content),
  );
  const objects: UpdateObject[] = [{ num: firstNum, body: serializeObjectBody(xobject) }];
  for (let i = 0; i < queue.length; i++) {
    const libRef = queue[i]!;
    const value = doc.context.lookup(libRef);
    if (!value) continue;
    objects.push({ num: numbering.get(libRef.tag)!, body: serializeObjectBody(convert(value, mapRef)) });
  }
  return { num: firstNum, objects, nextNum };
}

function convert(value: PDFObject, mapRef: (libRef: LibRef) => PdfRef): PdfValue {
  if (value instanceof LibRef) return mapRef(value);
  if (value instanceof LibName) return new PdfName(value.decodeText());
  if (value instanceof PDFNumber) return value.asNumber();
  if (value instanceof PDFBool) return value.asBoolean();
  if (value === PDFNull) return null;
  if (value instanceof PDFHexString) return new PdfString(value.asBytes(), 'hex');
  if (value instanceof LibString) return new PdfString(value.asBytes(), 'literal');
  if (value instanceof PDFArray) return value.asArray().map((item) => convert(item, mapRef));
  if (value instanceof LibDict) {
    const out = new PdfDict();
    for (const [key, item] of value.entries()) out.set(key.decodeText(), convert(item, mapRef));
    return out;
  }
  if (value instanceof LibStream) {
    const data = value.getContents();
    value.updateDict();
    const streamDict = convert(value.dict, mapRef) as PdfDict;
    streamDict.delete('Length');
    return new PdfStream(streamDict, data);
  }
  throw new Error(`cannot transplant a ${value.constructor.name}`);
}
