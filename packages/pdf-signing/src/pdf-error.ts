export type PdfErrorCode =
  | 'NOT_A_PDF'
  | 'ENCRYPTED'
  | 'TRUNCATED'
  | 'NO_PAGES'
  | 'MALFORMED'
  | 'UNSUPPORTED'
  | 'TOO_COMPLEX'
  | 'STRUCTURE_LOOP'
  | 'DECODE_BUDGET'
  | 'ACTIVE_CONTENT'
  | 'SIGNATURE_MACHINERY'
  | 'INCREMENTAL_UPDATES'
  | 'REPAIRED'
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
    options?: { cause?: unknown; details?: string[] },
  ) {
    super(message, options);
    this.name = 'PdfError';
    this.details = options?.details;
  }

  /** What was found, when a refusal names things (e.g. the kinds of active content). */
  readonly details?: string[];
}

/**
 * Limits that no repair can lift: the reader never recovers from them by scanning, and
 * every catch-all in the reader lets them through.
 */
export function isHardLimit(error: unknown): error is PdfError {
  return error instanceof PdfError && (error.code === 'TOO_COMPLEX' || error.code === 'STRUCTURE_LOOP' || error.code === 'DECODE_BUDGET');
}

export function isPdfError(error: unknown, code?: PdfErrorCode): error is PdfError {
  return error instanceof PdfError && (code === undefined || error.code === code);
}
