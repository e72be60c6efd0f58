'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/field-errors';

type FieldErrorKey = 'required';

/** Translates a form state's field problems and general error for display beside the fields. */
export function useFormErrors(state: FormState) {
  const t = useTranslations();
  const field = (name: string): string | undefined => {
    const key = state.fieldErrors?.[name];
    if (!key) return undefined;
    const path = `schedule.fieldErrors.${key}`;
    return t.has(path as `schedule.fieldErrors.${FieldErrorKey}`) ? t(path as `schedule.fieldErrors.${FieldErrorKey}`) : t('schedule.fieldErrors.invalid');
  };
  const hasFieldErrors = Object.keys(state.fieldErrors ?? {}).length > 0;
  const general = state.error ? t(`errors.${state.error}`) : undefined;
  return { field, general, hasFieldErrors };
}
