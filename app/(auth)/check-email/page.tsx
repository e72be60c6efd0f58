import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

export default async function CheckEmailPage() {
  const t = await getTranslations('checkEmail');
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-2 font-serif text-2xl">{t('title')}</h1>
        <p className="text-muted">{t('body')}</p>
      </Card>
    </div>
  );
}
