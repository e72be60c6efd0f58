import type { ErrorReason } from '@/lib/error-reasons';
import type { ErrorCode, ErrorParams } from '@/lib/errors';

/**
 * What a refused server action hands back: the AppError's code, reason and params (the UI
 * says them with `useErrorText`), its English message (detail only), the per-field problem
 * keys, and for a form the values it was sent, so the form keeps its input.
 */
export interface ActionFailure {
  ok: false;
  code: ErrorCode;
  reason?: ErrorReason;
  params?: ErrorParams;
  message: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

/**
 * The one result of every server action: `{ ok: true, …T }` or an ActionFailure (plus `F`,
 * what a failure still carries, e.g. the preview rows of a refused import). Built by
 * `runAction` (lib/actions/run-action.ts).
 */
export type ActionResult<T extends object = object, F extends object = object> = ({ ok: true } & T) | (ActionFailure & F);

/** A form action's result (useActionState starts at null: nothing submitted yet); success may echo values too. */
export type FormResult<T extends object = object> = ActionResult<T & { values?: Record<string, string> }> | null;
