import type { z } from 'zod';

/**
 * Form helpers for server actions (the result type is lib/actions/action-result.ts). Schemas
 * use message keys (`required`, `tooLong`, …) as their messages, so forms translate them with
 * `schedule.fieldErrors.<key>`.
 */
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
