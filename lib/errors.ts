import type { ErrorReason } from '@/lib/error-reasons';

/**
 * Domain code throws AppError(code, message, fieldErrors?, { reason, params }). `toHttpError`
 * is the one place that maps a code to an HTTP status; the UI says the reason in the viewer's
 * language (messages `errors.reasons.<reason>`, else `errors.<code>`). The message is a
 * plain-English detail for logs and API clients, never matched by code.
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

export type ErrorParams = Record<string, string | number>;

/**
 * A stable, machine-readable cause within a code (e.g. 'view-outdated' within CONFLICT; the
 * list is lib/error-reasons.ts), for clients that react to it; params say what it concerns
 * (ids, names, numbers) and fill the placeholders of its translated text.
 */
export interface ErrorDetails {
  reason?: ErrorReason;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly reason?: ErrorReason;
  readonly params?: ErrorParams;

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
export function notFound(what = 'Not found', reason?: ErrorReason): AppError {
  return new AppError('NOT_FOUND', what, undefined, { reason });
}

export interface HttpErrorBody {
  error: { code: ErrorCode; message: string; reason?: ErrorReason; params?: ErrorParams; fieldErrors?: Record<string, string> };
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
