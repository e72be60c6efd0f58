import { getTimeZone, getTranslations } from 'next-intl/server';
import { CeremonyCreateForm } from '@/components/ceremony/ceremony-create-form';
import { Card } from '@/components/ui/card';
import { mayCreateCeremonies } from '@/lib/access/access-sets';
import { requireSessionUser } from '@/lib/auth';
import { defaultCeremonySlot, timeZoneOptions } from '@/lib/time/time-zone-options';

export default async function NewCeremonyPage() {
  const user = await requireSessionUser('/ceremonies/new');
  const [t, viewerZone] = await Promise.all([getTranslations('schedule'), getTimeZone()]);
  const timeZones = timeZoneOptions();
  const timeZone = timeZones.includes(viewerZone) && viewerZone !== 'UTC' ? viewerZone : 'Europe/Berlin';
  const mayCreate = mayCreateCeremonies(user.globalRole);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="font-serif text-3xl">{t('new.title')}</h1>
        <p className="mt-2 text-muted">{t('new.intro')}</p>
      </header>
      <Card>
        {mayCreate ? (
          <CeremonyCreateForm timeZones={timeZones} defaults={{ timeZone, ...defaultCeremonySlot(timeZone) }} />
        ) : (
          <p role="alert">{t('new.notAllowed')}</p>
        )}
      </Card>
    </div>
  );
}
