'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setSigningConsentAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FormResult } from '@/lib/actions/action-result';
import { consentLanguages, defaultSigningConsent, SIGNING_CONSENT_MAX_LENGTH, type SigningConsentTexts } from '@/lib/signing/signing-consent';

const labelKeys = { en: 'consentEn', de: 'consentDe', ko: 'consentKo' } as const;

/** The organiser's wording of the declaration beside Confirm; blank languages show the default as placeholder. */
export function SigningConsentForm({ ceremonyId, stored, disabled }: { ceremonyId: string; stored: Partial<SigningConsentTexts>; disabled: boolean }) {
  const t = useTranslations('schedule.edit');
  const [state, action, pending] = useActionState<FormResult, FormData>(setSigningConsentAction, null);
  const errors = useFormErrors(state);
  const values: Partial<SigningConsentTexts> = { ...stored, ...(state?.ok ? {} : state?.values) };
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      {state?.ok ? <FormAlert tone="success">{t('saved')}</FormAlert> : null}
      {disabled ? <p className="text-sm text-muted">{t('consentFixed')}</p> : null}
      {consentLanguages.map((language) => (
        <TextareaField
          key={language}
          name={language}
          lang={language}
          label={t(labelKeys[language])}
          defaultValue={values[language] ?? ''}
          placeholder={defaultSigningConsent[language]}
          error={errors.field(language)}
          rows={3}
          maxLength={SIGNING_CONSENT_MAX_LENGTH}
          disabled={disabled}
        />
      ))}
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('saveConsent')}
        </Button>
      </div>
    </form>
  );
}
