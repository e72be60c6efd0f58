'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { isLocale } from '@/lib/i18n/locales';
import { formatTime, zoneAbbreviation } from '@/lib/time/format-instant';

export interface Capital {
  name: string;
  timeZone: string;
}

/** Both (all) capitals' wall clocks, ticking. Rendered after mount: server and browser clocks differ. */
export function CapitalClocks({ capitals, tone = 'dark' }: { capitals: Capital[]; tone?: 'dark' | 'light' }) {
  const t = useTranslations('live.clocks');
  const localeName = useLocale();
  const locale = isLocale(localeName) ? localeName : 'en';
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const muted = tone === 'dark' ? 'text-white/60' : 'text-muted';
  return (
    <dl aria-label={t('label')} className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {capitals.map((capital) => (
        <div key={capital.timeZone} className="flex items-baseline gap-2">
          <dt className={muted}>{capital.name}</dt>
          <dd className="font-medium tabular-nums" data-testid={`clock-${capital.timeZone}`}>
            {now ? `${formatTime(now, locale, capital.timeZone)} ${zoneAbbreviation(now, capital.timeZone, locale)}` : '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}
