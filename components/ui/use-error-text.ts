'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { errorMessageKey, errorMessageParams, type ErrorLike } from '@/lib/i18n/error-text';

/**
 * Says a failed action or API call in the viewer's language, by its reason (falling back to
 * its code): `const errorText = useErrorText(); toast.error(errorText(result))`.
 */
export function useErrorText() {
  const t = useTranslations();
  return useCallback(
    (error: ErrorLike): string => {
      const key = errorMessageKey(error);
      const params = errorMessageParams(error, (state) => (t.has(`states.${state}` as 'states.DRAFT') ? t(`states.${state}` as 'states.DRAFT') : state));
      // The key is built from a checked reason or code (lib/i18n/error-text.ts), so it exists in every catalogue.
      return t(key as 'errors.INTERNAL', params);
    },
    [t],
  );
}
