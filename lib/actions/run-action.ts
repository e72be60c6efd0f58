import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { ActionFailure, ActionResult } from '@/lib/actions/action-result';
import { getSessionUser } from '@/lib/auth';
import type { z } from 'zod';
import { AppError, isAppError, type ErrorCode } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/**
 * The one wrapper of every server action (app/**\/actions.ts): the session user, or an
 * UNAUTHENTICATED result; then the use-case. A domain refusal (AppError) becomes an
 * ActionFailure with its code, reason, params and field errors; any other error is a bug:
 * logged whole, answered INTERNAL (nothing internal reaches the browser). Navigation thrown
 * by next/navigation (redirect(), notFound()) still propagates.
 *
 * `values`: what a form sent, echoed on failure so the form keeps its input.
 */
export async function runAction<T extends object>(
  work: (userId: string) => Promise<T>,
  { values }: { values?: Record<string, string> } = {},
): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  if (!user) return actionFailure('UNAUTHENTICATED', 'Please sign in first.', { values });
  try {
    return { ok: true, ...(await work(user.id)) };
  } catch (error) {
    return failureOf(error, values);
  }
}

/** An AppError as an ActionFailure; anything else is logged and answered INTERNAL (redirects propagate). */
export function failureOf(error: unknown, values?: Record<string, string>): ActionFailure {
  unstable_rethrow(error);
  if (isAppError(error)) {
    return { ok: false, code: error.code, reason: error.reason, params: error.params, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  console.error(error);
  return actionFailure('INTERNAL', 'Something went wrong on our side.', { values });
}

/** A refusal the action itself says (its input did not parse). */
export function actionFailure(
  code: ErrorCode,
  message: string,
  { fieldErrors, values }: { fieldErrors?: Record<string, string>; values?: Record<string, string> } = {},
): ActionFailure {
  return { ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}), ...(values ? { values } : {}) };
}

/** A form's input that did not parse: thrown inside runAction, it comes back with the field problems and the values. */
export function invalidInput(error: z.ZodError): AppError {
  return new AppError('INVALID_INPUT', 'Please check the highlighted fields.', fieldErrorsFromZod(error));
}
