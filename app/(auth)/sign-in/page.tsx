import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { getSessionUser, signIn } from '@/lib/auth';
import { env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/safe-redirect-path';
import { SignInForm } from './sign-in-form';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl: requested }, user, t] = await Promise.all([searchParams, getSessionUser(), getTranslations()]);
  const callbackUrl = safeRedirectPath(requested);
  if (user) redirect(callbackUrl);
  const oidcConfigured = Boolean(env.OIDC_ISSUER);
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 font-serif text-2xl">{t('signIn.title')}</h1>
        <p className="mb-6 text-muted">{t('signIn.intro')}</p>
        <SignInForm callbackUrl={callbackUrl} />
        {oidcConfigured ? (
          <form
            className="mt-6 border-t border-line pt-6"
            action={async () => {
              'use server';
              await signIn('oidc', { redirectTo: callbackUrl });
            }}
          >
            <p className="mb-2 text-center text-sm text-muted">{t('signIn.or')}</p>
            <button type="submit" className="w-full rounded-md border border-navy px-4 py-2 text-navy">
              {t('signIn.withProvider', withFinalSounds({ name: env.OIDC_NAME }))}
            </button>
          </form>
        ) : null}
      </Card>
    </div>
  );
}
