'use client';

import { useTranslations } from 'next-intl';
import { useErrorText } from '@/components/ui/use-error-text';
import type { FormResult } from '@/lib/actions/action-result';

type FieldErrorKey = 'required';

/** Translates a form result's field problems and general error for display beside the fields. */
export function useFormErrors(state: FormResult) {
  const t = useTranslations();
  const errorText = useErrorText();
  const failure = state && !state.ok ? state : null;
  const field = (name: string): string | undefined => {
    const key = failure?.fieldErrors?.[name];
    if (!key) return undefined;
    const path = `schedule.fieldErrors.${key}`;
    return t.has(path as `schedule.fieldErrors.${FieldErrorKey}`) ? t(path as `schedule.fieldErrors.${FieldErrorKey}`) : t('schedule.fieldErrors.invalid');
  };
  const hasFieldErrors = Object.keys(failure?.fieldErrors ?? {}).length > 0;
  const general = failure ? errorText(failure) : undefined;
  return { field, general, hasFieldErrors };
}
