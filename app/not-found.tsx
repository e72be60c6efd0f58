import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 font-serif text-2xl">{t('title')}</h1>
        <p className="mb-6 text-muted">{t('body')}</p>
        <Link href="/" className="text-navy underline">
          {t('home')}
        </Link>
      </Card>
    </div>
  );
}
