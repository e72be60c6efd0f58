import type { DrawnXObject } from './draw-form-xobject';
import { findAcroForm, type FormField } from './find-form-fields';
import { PdfError } from './pdf-error';
import { dict, PdfDict, ref, serializeObjectBody, serializeValue } from './pdf-objects';
import type { PdfFile } from './read-pdf-file';
import { writeIncrementalUpdate, type UpdateObject } from './write-incremental-update';
import { sha256 } from './sha256';

/**
 * Fills one prepared signature field as one incremental update: a new signature
 * dictionary, the widget's new appearance, and an override of the field/widget
 * object (plus the AcroForm only when its /SigFlags are not yet 3). /ByteRange and
 * /Contents are placeholders of fixed width, patched in place after hashing, so the
 * update is written exactly once.
 */

export interface AppendSignatureOptions {
  file: PdfFile;
  field: FormField;
  /** /Type, /Filter, /SubFilter, /Name, /M …: everything but /ByteRange and /Contents. */
  signatureDict: PdfDict;
  /** Draws the widget appearance with object numbers from firstNum on. */
  drawAppearance?: (firstNum: number) => Promise<DrawnXObject>;
  /** Bytes reserved for the signature container (the hex string is twice as long). */
  contentsBytes: number;
  /** Builds the container for the SHA-256 of the signed byte ranges. */
  produceContents: (digest: Uint8Array) => Promise<Uint8Array>;
}

export interface AppendedSignature {
  /** Previous bytes + the update. */
  pdf: Uint8Array;
  /** Only the appended update. */
  increment: Uint8Array;
  byteRange: [number, number, number, number];
  /** Existing object numbers the update overrides. */
  overriddenObjects: number[];
  /** Size of the container that was written into /Contents (without padding). */
  contentsLength: number;
  /** Bytes the /Contents hex string takes in the file (the reserved container). */
  contentsPlaceholderBytes: number;
  /** Bytes of the appearance objects (form XObject, fonts, images) in the update. */
  appearanceBytes: number;
}

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export async function appendSignature(options: AppendSignatureOptions): Promise<AppendedSignature> {
  const { file, field } = options;
  const previous = file.bytes;
  const signatureNum = file.size;
  const appearance = options.drawAppearance ? await options.drawAppearance(signatureNum + 1) : undefined;

  const head = serializeValue(options.signatureDict).slice(0, -2); // without the closing ">>"
  const beforeContents = `${head}/ByteRange ${BYTE_RANGE_PLACEHOLDER}/Contents `;
  const contentsHexLength = options.contentsBytes * 2 + 2;
  const signatureBody = Buffer.from(`${beforeContents}<${'0'.repeat(options.contentsBytes * 2)}>>>`, 'latin1');
  const byteRangeOffsetInBody = head.length + '/ByteRange '.length;
  const contentsOffsetInBody = beforeContents.length;

  const objects: UpdateObject[] = [{ num: signatureNum, body: signatureBody }];
  if (appearance) objects.push(...appearance.objects);

  const widget = field.widgets[0]!;
  const fieldDict = field.dict.clone().set('V', ref(signatureNum));
  const apEntry = appearance ? dict({ N: ref(appearance.num) }) : undefined;
  if (widget.ref.num === field.ref.num) {
    if (apEntry) fieldDict.set('AP', apEntry);
    objects.push({ num: field.ref.num, gen: field.ref.gen, body: serializeObjectBody(fieldDict) });
  } else {
    objects.push({ num: field.ref.num, gen: field.ref.gen, body: serializeObjectBody(fieldDict) });
    if (apEntry) objects.push({ num: widget.ref.num, gen: widget.ref.gen, body: serializeObjectBody(widget.dict.clone().set('AP', apEntry)) });
  }

  const form = findAcroForm(file);
  if (!form) throw new PdfError('FIELD_NOT_FOUND', 'The document has no form; prepare its fields first.');
  if (form.dict.get('SigFlags') !== 3) {
    const formDict = form.dict.clone().set('SigFlags', 3);
    if (form.ref) objects.push({ num: form.ref.num, gen: form.ref.gen, body: serializeObjectBody(formDict) });
    else {
      const catalog = file.catalog().clone().set('AcroForm', formDict);
      objects.push({ num: file.rootRef.num, gen: file.rootRef.gen, body: serializeObjectBody(catalog) });
    }
  }

  const update = writeIncrementalUpdate(file, objects);
  const increment = update.bytes;
  const signatureBodyOffset = update.bodyOffsets.get(signatureNum)!;
  const contentsStart = signatureBodyOffset + contentsOffsetInBody;
  const contentsEnd = contentsStart + contentsHexLength;
  const base = previous.length;
  const total = base + increment.length;
  const byteRange: [number, number, number, number] = [0, base + contentsStart, base + contentsEnd, total - (base + contentsEnd)];

  const byteRangeText = `[${byteRange.join(' ')}]`;
  if (byteRangeText.length > BYTE_RANGE_PLACEHOLDER.length) throw new PdfError('UNSUPPORTED', 'The document is too large to sign.');
  Buffer.from(increment.buffer, increment.byteOffset, increment.length).write(
    byteRangeText.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '),
    signatureBodyOffset + byteRangeOffsetInBody,
    'latin1',
  );

  // Hash the two ranges in place: no copy of the (possibly 30 MB) previous revision.
  const digest = sha256(previous, increment.subarray(0, contentsStart), increment.subarray(contentsEnd));
  const contents = await options.produceContents(digest);
  if (contents.length > options.contentsBytes) {
    throw new PdfError('SIGNATURE_TOO_LARGE', `The signature needs ${contents.length} bytes but only ${options.contentsBytes} were reserved.`);
  }
  Buffer.from(increment.buffer, increment.byteOffset, increment.length).write(Buffer.from(contents).toString('hex'), contentsStart + 1, 'latin1');

  // Not zero-filled first: every byte is written just below.
  const pdf: Uint8Array = Buffer.allocUnsafeSlow(total);
  pdf.set(previous, 0);
  pdf.set(increment, base);
  const overriddenObjects = objects
    .map((object) => object.num)
    .filter((num) => num < file.size)
    .sort((a, b) => a - b);
  const appearanceBytes = (appearance?.objects ?? []).reduce((sum, object) => sum + object.body.length + `${object.num} 0 obj\n\nendobj\n`.length, 0);
  return {
    pdf,
    increment,
    byteRange,
    overriddenObjects,
    contentsLength: contents.length,
    contentsPlaceholderBytes: contentsHexLength,
    appearanceBytes,
  };
}
