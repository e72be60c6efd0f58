/**
 * Domain code throws AppError(code, message). `toHttpError` is the one place that maps a
 * code to an HTTP status; the UI maps the same code to translated text (messages
 * `errors.<code>`). The message is a plain-English detail for logs and API clients.
 */

export const errorStatus = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_DOCUMENT: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field problems for forms: { fieldName: message } */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Not found and not allowed look the same to outsiders: no existence leak (DESIGN.md). */
export function notFound(what = 'Not found'): AppError {
  return new AppError('NOT_FOUND', what);
}

export interface HttpErrorBody {
  error: { code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
}

export function toHttpError(error: unknown): { status: number; body: HttpErrorBody } {
  if (isAppError(error)) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } },
    };
  }
  // Unknown errors are bugs: log them whole, tell the client nothing internal.
  console.error(error);
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } } };
}
