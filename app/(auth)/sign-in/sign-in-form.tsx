'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { requestMagicLink, type SignInFormState } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInFormState, FormData>(requestMagicLink, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t('signIn.emailLabel')}
        defaultValue={state.email}
        error={state.error === 'invalidEmail' ? t('signIn.invalidEmail') : undefined}
      />
      {state.error === 'RATE_LIMITED' ? (
        <p role="alert" className="text-sm text-danger">
          {t('errors.RATE_LIMITED')}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
