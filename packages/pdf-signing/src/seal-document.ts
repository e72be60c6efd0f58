import { X509Certificate } from 'node:crypto';

import { appendSignature, type AppendedSignature } from './append-signature';
import { buildCmsSignature, estimateCmsSize, TIMESTAMP_RESERVE } from './build-cms-signature';
import { drawSealAppearance, type SealAppearance } from './draw-field-appearances';
import { findSignatureField, listFormFields } from './find-form-fields';
import type { SigningIdentity } from './load-signing-identity';
import { isPdfError, PdfError } from './pdf-error';
import { dict, name, pdfDate, textString } from './pdf-objects';
import { PdfFile } from './read-pdf-file';
import { obtainTimestampToken, type RequestTimestamp } from './request-timestamp';
import { roundUp } from './sign-prepared-fields';

export type SealDocumentOptions = {
  pdf: Uint8Array;
  /** The prepared seal field; every other signature field must already be signed. */
  fieldName: string;
  appearance?: SealAppearance;
  sealTime?: Date;
} & (
  | {
      /** A platform signature (PAdES, B-T when a TSA is given) that covers the whole file. */
      kind: 'platform-signature';
      identity: SigningIdentity;
      requestTimestamp?: RequestTimestamp;
      reason?: string;
      location?: string;
    }
  | {
      /** A document timestamp (/DocTimeStamp, ETSI.RFC3161) from the TSA. */
      kind: 'document-timestamp';
      requestTimestamp: RequestTimestamp;
    }
);

/**
 * The closing seal: fills the prepared seal field last, so that its byte range ends
 * at the end of the file ("Total document signed"). Refuses while other signature
 * fields are still empty, since those could then only be signed after the seal.
 */
export async function sealDocument(options: SealDocumentOptions): Promise<AppendedSignature> {
  const file = PdfFile.open(options.pdf, { requireEndMarker: false });
  if (file.isEncrypted) throw new PdfError('ENCRYPTED', 'This PDF is encrypted; it cannot be sealed.');
  const field = findSignatureField(file, options.fieldName);
  const unsigned = listFormFields(file).filter((candidate) => candidate.fieldType === 'Sig' && !candidate.hasValue && candidate.fullName !== options.fieldName);
  if (unsigned.length > 0) {
    throw new PdfError(
      'INVALID_FIELD_PLAN',
      `The document cannot be sealed yet: ${unsigned.map((f) => `"${f.fullName}"`).join(', ')} ${unsigned.length === 1 ? 'is' : 'are'} not signed.`,
    );
  }
  const rect = file.readBox(field.widgets[0]!.dict.get('Rect'));
  const width = rect ? rect[2] - rect[0] : 0;
  const height = rect ? rect[3] - rect[1] : 0;
  const appearance = options.appearance;
  const rotate = file.pageRotation(field.widgets[0]!.dict.get('P'));
  const drawAppearance =
    appearance && width > 0 && height > 0 ? (firstNum: number) => drawSealAppearance(width, height, appearance, firstNum, rotate) : undefined;

  if (options.kind === 'document-timestamp') {
    const requestTimestamp = options.requestTimestamp;
    return appendSignature({
      file,
      field,
      signatureDict: dict({ Type: name('DocTimeStamp'), Filter: name('Adobe.PPKLite'), SubFilter: name('ETSI.RFC3161') }),
      drawAppearance,
      contentsBytes: TIMESTAMP_RESERVE + 2048,
      produceContents: async (digest) => (await obtainTimestampToken(requestTimestamp, digest)).tokenDer,
    });
  }

  const { identity } = options;
  const signatureDict = dict({
    Type: name('Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name('ETSI.CAdES.detached'),
    Name: textString(subjectCommonName(identity) ?? 'Accord'),
    Reason: textString(options.reason ?? 'Ceremony concluded: document sealed by the platform'),
    Location: options.location ? textString(options.location) : undefined,
    M: pdfDate(options.sealTime ?? new Date()),
  });
  let reserve = roundUp(estimateCmsSize(identity, options.requestTimestamp !== undefined), 512);
  for (let attempt = 0; ; attempt++) {
    try {
      return await appendSignature({
        file,
        field,
        signatureDict,
        drawAppearance,
        contentsBytes: reserve,
        produceContents: (digest) => buildCmsSignature({ identity, contentDigest: digest, requestTimestamp: options.requestTimestamp }),
      });
    } catch (error) {
      if (attempt === 0 && isPdfError(error, 'SIGNATURE_TOO_LARGE')) {
        reserve = roundUp(reserve * 2, 512);
        continue;
      }
      throw error;
    }
  }
}

function subjectCommonName(identity: SigningIdentity): string | undefined {
  const subject = new X509Certificate(identity.certificateDer).subject;
  return /^CN=(.*)$/m.exec(subject)?.[1];
}
