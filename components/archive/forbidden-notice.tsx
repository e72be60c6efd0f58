import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/** What a signed-in member who is neither archivist nor organiser sees on the archive's pages. */
export async function ForbiddenNotice() {
  const t = await getTranslations('archive.forbidden');
  return (
    <div className="mx-auto max-w-lg">
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
