export type PdfErrorCode =
  | 'NOT_A_PDF'
  | 'ENCRYPTED'
  | 'TRUNCATED'
  | 'NO_PAGES'
  | 'MALFORMED'
  | 'UNSUPPORTED'
  | 'INVALID_FIELD_PLAN'
  | 'FIELD_NOT_FOUND'
  | 'FIELD_ALREADY_SIGNED'
  | 'INVALID_SIGNING_IDENTITY'
  | 'SIGNATURE_TOO_LARGE'
  | 'TSA_FAILED'
  | 'DISALLOWED_CHANGE';

/**
 * Every failure of the PDF core carries a stable code (callers map codes to HTTP
 * status and user-facing text) and an English message that says what is wrong in
 * plain words.
 */
export class PdfError extends Error {
  constructor(
    public readonly code: PdfErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfError';
  }
}

export function isPdfError(error: unknown, code?: PdfErrorCode): error is PdfError {
  return error instanceof PdfError && (code === undefined || error.code === code);
}
