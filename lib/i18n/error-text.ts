import { isPdfRefusalCode } from '@accord/pdf-signing/inspection-rules';
import { isDomainErrorReason } from '@/lib/error-reasons';
import type { ErrorCode, ErrorParams } from '@/lib/errors';
import { errorStatus } from '@/lib/errors';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** What the UI gets of a failed action or API call: the code, and the reason when there is one. */
export interface ErrorLike {
  code?: string;
  reason?: string;
  params?: ErrorParams;
}

/** Params that name a ceremony state; the UI says them with `states.<STATE>`. */
const STATE_PARAMS = ['state', 'from', 'to'] as const;

/**
 * The message key that says an error in the viewer's language: its reason's own text
 * (`errors.reasons.<reason>`, or `pdfInspection.reasons.<code>` for a refused PDF), else the
 * code's general text (`errors.<code>`), else INTERNAL's. Pure; the English message is never read.
 */
export function errorMessageKey(error: ErrorLike): string {
  if (isDomainErrorReason(error.reason)) return `errors.reasons.${error.reason}`;
  if (isPdfRefusalCode(error.reason)) return `pdfInspection.reasons.${error.reason}`;
  return `errors.${isErrorCode(error.code) ? error.code : 'INTERNAL'}`;
}

/** The params for the reason's text, with ceremony states in the viewer's language and each name's final sound (Korean particles). */
export function errorMessageParams(error: ErrorLike, stateName: (state: string) => string): ErrorParams {
  const params: ErrorParams = { ...error.params };
  for (const name of STATE_PARAMS) {
    const value = params[name];
    if (typeof value === 'string') params[name] = stateName(value);
  }
  return withFinalSounds(params);
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in errorStatus;
}
