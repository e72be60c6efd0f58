'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/components/ui/use-error-text';
import type { FormResult } from '@/lib/actions/action-result';
import { requestMagicLink } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<FormResult, FormData>(requestMagicLink, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t('signIn.emailLabel')}
        defaultValue={state?.values?.email}
        error={failure?.fieldErrors?.email ? t('signIn.invalidEmail') : undefined}
      />
      {failure && !failure.fieldErrors ? (
        <p role="alert" className="text-sm text-danger">
          {errorText(failure)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
