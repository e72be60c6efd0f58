import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

const knownErrors = ['Verification', 'AccessDenied', 'Configuration', 'EmailUnverified'] as const;

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations('authError')]);
  const key = knownErrors.find((known) => known === error) ?? 'Default';
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 font-serif text-2xl">{t('title')}</h1>
        <p role="alert" className="mb-6 text-muted">
          {t(key)}
        </p>
        <Link href="/sign-in" className="text-navy underline">
          {t('backToSignIn')}
        </Link>
      </Card>
    </div>
  );
}
