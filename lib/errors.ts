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

/**
 * A stable, machine-readable cause within a code (e.g. 'view-outdated' within CONFLICT),
 * for clients that react to it; params say what it concerns (ids, numbers).
 */
export interface ErrorDetails {
  reason?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly reason?: string;
  readonly params?: Record<string, string | number>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field problems for forms: { fieldName: message } */
    readonly fieldErrors?: Record<string, string>,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.reason = details.reason;
    this.params = details.params;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Not found and not allowed look the same to outsiders: no existence leak. */
export function notFound(what = 'Not found'): AppError {
  return new AppError('NOT_FOUND', what);
}

export interface HttpErrorBody {
  error: { code: ErrorCode; message: string; reason?: string; params?: Record<string, string | number>; fieldErrors?: Record<string, string> };
}

export function toHttpError(error: unknown): { status: number; body: HttpErrorBody } {
  if (isAppError(error)) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, reason: error.reason, params: error.params, fieldErrors: error.fieldErrors } },
    };
  }
  // Unknown errors are bugs: log them whole, tell the client nothing internal.
  console.error(error);
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } } };
}
