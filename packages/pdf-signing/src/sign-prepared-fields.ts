import { appendSignature, type AppendedSignature } from './append-signature';
import { buildCmsSignature, estimateCmsSize } from './build-cms-signature';
import { drawSignatureAppearance, type FieldKind, type SignatureAppearance } from './draw-field-appearances';
import { findSignatureField } from './find-form-fields';
import type { SigningIdentity } from './load-signing-identity';
import { isPdfError, PdfError } from './pdf-error';
import { dict, name, pdfDate, textString } from './pdf-objects';
import { PdfFile } from './read-pdf-file';
import type { RequestTimestamp } from './request-timestamp';

export interface SignatureInfo {
  /** The signer's name as it goes into /Name. */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** /M; defaults to now. */
  signingTime?: Date;
}

export interface FieldToSign {
  name: string;
  kind: FieldKind;
}

export interface SignPreparedFieldsOptions {
  /** The previous revision, unchanged. */
  pdf: Uint8Array;
  /** The signer's prepared fields, in the order they are signed (a bare name is a 'signature' field). */
  fields: (string | FieldToSign)[];
  appearance: SignatureAppearance;
  signature: SignatureInfo;
  identity: SigningIdentity;
  requestTimestamp?: RequestTimestamp;
}

export interface SignedField {
  fieldName: string;
  byteRange: [number, number, number, number];
  /** Bytes this field's update appended. */
  incrementLength: number;
  /** Existing objects the update overrode (the field/widget, and the AcroForm if it needed /SigFlags). */
  overriddenObjects: number[];
}

export interface SignPreparedFieldsResult {
  /** The new revision: the previous bytes followed by one update per field. */
  pdf: Uint8Array;
  /** Only what was appended (store this; the revision is previous + increment). */
  increment: Uint8Array;
  fields: SignedField[];
}

/**
 * Fills one signer's prepared fields. Every field gets its own signature, each in its
 * own incremental update (a signature cannot cover a second one written in the same
 * update). So every field the validators see is a signed signature field — an
 * unsigned /FT /Sig field with an appearance would be shown as "still to sign" and
 * its changed appearance could count as a modification. Each update changes only
 * its own field/widget, which validators treat as the permitted "signing a prepared
 * field" change. The primary signature comes first by convention of `fields`.
 */
export async function signPreparedFields(options: SignPreparedFieldsOptions): Promise<SignPreparedFieldsResult> {
  if (options.fields.length === 0) throw new PdfError('INVALID_FIELD_PLAN', 'No field to sign was given.');
  let current = options.pdf;
  const signed: SignedField[] = [];
  for (const entry of options.fields) {
    const field = typeof entry === 'string' ? { name: entry, kind: 'signature' as const } : entry;
    const result = await signPreparedField({ ...options, pdf: current, field });
    signed.push({
      fieldName: field.name,
      byteRange: result.byteRange,
      incrementLength: result.increment.length,
      overriddenObjects: result.overriddenObjects,
    });
    current = result.pdf;
  }
  return { pdf: current, increment: current.subarray(options.pdf.length), fields: signed };
}

export interface SignPreparedFieldOptions extends Omit<SignPreparedFieldsOptions, 'fields'> {
  field: FieldToSign;
}

export async function signPreparedField(options: SignPreparedFieldOptions): Promise<AppendedSignature> {
  const file = PdfFile.open(options.pdf, { requireEndMarker: false });
  if (file.isEncrypted) throw new PdfError('ENCRYPTED', 'This PDF is encrypted; encrypted documents cannot be signed here.');
  const field = findSignatureField(file, options.field.name);
  const widget = field.widgets[0]!;
  const rect = file.readBox(widget.dict.get('Rect'));
  const width = rect ? rect[2] - rect[0] : 0;
  const height = rect ? rect[3] - rect[1] : 0;
  const rotate = file.pageRotation(widget.dict.get('P'));
  const { signature } = options;

  const signatureDict = dict({
    Type: name('Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name('ETSI.CAdES.detached'),
    Name: textString(signature.name),
    Reason: textString(signature.reason),
    Location: textString(signature.location),
    ContactInfo: signature.contactInfo ? textString(signature.contactInfo) : undefined,
    M: pdfDate(signature.signingTime ?? new Date()),
  });

  let reserve = roundUp(estimateCmsSize(options.identity, options.requestTimestamp !== undefined), 512);
  for (let attempt = 0; ; attempt++) {
    try {
      return await appendSignature({
        file,
        field,
        signatureDict,
        drawAppearance:
          width > 0 && height > 0 ? (firstNum) => drawSignatureAppearance(options.field.kind, width, height, options.appearance, firstNum, rotate) : undefined,
        contentsBytes: reserve,
        produceContents: (digest) => buildCmsSignature({ identity: options.identity, contentDigest: digest, requestTimestamp: options.requestTimestamp }),
      });
    } catch (error) {
      // A timestamp token larger than foreseen: once more with room for it.
      if (attempt === 0 && isPdfError(error, 'SIGNATURE_TOO_LARGE')) {
        reserve = roundUp(reserve * 2, 512);
        continue;
      }
      throw error;
    }
  }
}

export function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}
