import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForbiddenNotice } from '@/components/archive/forbidden-notice';
import { VerifyUpload } from '@/components/archive/verify-upload';
import { Card } from '@/components/ui/card';
import { loadVerifyPage } from '@/lib/archive/load-verify-page';
import { requireSessionUser } from '@/lib/auth';

export default async function VerifyPage() {
  const user = await requireSessionUser('/archive/verify');
  const [state, t] = await Promise.all([loadVerifyPage({ userId: user.id }), getTranslations('archive')]);
  if (state.kind === 'forbidden') return <ForbiddenNotice />;
  return (
    <div className="flex flex-col gap-6">
      <Link href="/archive" className="text-sm text-navy underline">
        {t('record.back')}
      </Link>
      <div className="flex max-w-3xl flex-col gap-2">
        <h1 className="font-serif text-3xl">{t('verify.title')}</h1>
        <p className="text-muted">{t('verify.intro')}</p>
      </div>
      <Card>
        <VerifyUpload maxBytes={state.maxBytes} />
      </Card>
    </div>
  );
}
