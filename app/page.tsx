import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';
import { Card } from '@/components/ui/card';
import { mayCreateCeremonies } from '@/lib/access/access-sets';
import { requireSessionUser } from '@/lib/auth';
import { listMyCeremonies } from '@/lib/ceremonies/list-my-ceremonies';

export default async function HomePage() {
  const user = await requireSessionUser('/');
  const [ceremonies, t] = await Promise.all([listMyCeremonies({ userId: user.id }), getTranslations()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{t('home.title')}</h1>
        {mayCreateCeremonies(user.globalRole) ? (
          <Link href="/ceremonies/new" className="rounded-md bg-navy px-4 py-2 text-sm font-medium text-white hover:bg-navy-dark">
            {t('schedule.new.link')}
          </Link>
        ) : null}
      </div>
      {ceremonies.length === 0 ? <p className="text-muted">{t('home.empty')}</p> : null}
      <ul className="flex flex-col gap-4" aria-label={t('home.title')}>
        {ceremonies.map((ceremony) => (
          <li key={ceremony.id}>
            <Card>
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="flex flex-col gap-1">
                  <h2 className="font-serif text-xl">
                    <Link href={`/ceremonies/${ceremony.id}`} className="text-navy hover:underline">
                      {ceremony.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-muted">{ceremony.delegations.map((delegation) => delegation.name).join(' · ')}</p>
                </div>
                <div className="flex gap-2 text-xs">
                  <span className="rounded-full border border-line px-2 py-1">{t(`roles.${ceremony.myRole as 'organiser'}`)}</span>
                  <span className="rounded-full bg-navy/10 px-2 py-1 text-navy">{t(`states.${ceremony.state as 'DRAFT'}`)}</span>
                </div>
              </div>
              <div className="mt-4">
                <CeremonyTimes instant={ceremony.scheduledStart} capitals={ceremony.delegations} />
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
