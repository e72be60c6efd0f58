import type { z } from 'zod';
import { isAppError, type ErrorCode } from '@/lib/errors';

/**
 * What a server action hands back to its form: a general error code and per-field
 * problem keys. Schemas use message keys (`required`, `tooLong`, …) as their messages, so
 * forms translate them with `schedule.fieldErrors.<key>`.
 */
export interface FormState {
  ok?: boolean;
  error?: ErrorCode;
  /** English detail for the general error (logged; shown when no translation fits) */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of what was submitted, so a failed form keeps its input */
  values?: Record<string, string>;
}

export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    if (!(key in result)) result[key] = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return result;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  return values;
}

/** Domain errors become form state; anything else is a bug and propagates. */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  if (isAppError(error)) return { error: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
  throw error;
}
