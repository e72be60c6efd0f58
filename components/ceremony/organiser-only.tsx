import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/** Shown to a participant who opens an organiser's planning screen. */
export async function OrganiserOnly({ ceremonyId }: { ceremonyId: string }) {
  const t = await getTranslations('schedule.forbidden');
  return (
    <Card>
      <h1 className="mb-2 font-serif text-2xl">{t('title')}</h1>
      <p className="mb-4 text-muted">{t('body')}</p>
      <Link href={`/ceremonies/${ceremonyId}`} className="text-navy underline">
        {t('back')}
      </Link>
    </Card>
  );
}
