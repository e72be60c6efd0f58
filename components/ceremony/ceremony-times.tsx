import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { dayDifference, formatDateTime } from '@/lib/time/format-instant';

interface Capital {
  capitalName: string;
  capitalTimeZone: string;
}

/**
 * One instant as people think of it: in the viewer's own zone and in each delegation's
 * capital, saying when a capital is already on another calendar day.
 */
export async function CeremonyTimes({ instant, capitals }: { instant: Date; capitals: Capital[] }) {
  const [locale, viewerZone, t] = await Promise.all([getLocale(), getTimeZone(), getTranslations('time')]);
  const seen = new Set<string>();
  const uniqueCapitals = capitals.filter((capital) => !seen.has(capital.capitalTimeZone) && seen.add(capital.capitalTimeZone));
  const reference = uniqueCapitals[0]?.capitalTimeZone ?? viewerZone;
  const tHome = await getTranslations('home');
  return (
    <dl className="grid gap-1 text-sm">
      <div className="flex flex-wrap gap-x-2">
        <dt className="font-medium">{tHome('yourTime', { zone: viewerZone })}</dt>
        <dd data-testid="time-viewer">{formatDateTime(instant, locale as Locale, viewerZone)}</dd>
      </div>
      {uniqueCapitals.map((capital) => {
        const difference = dayDifference(instant, capital.capitalTimeZone, reference);
        return (
          <div key={capital.capitalTimeZone} className="flex flex-wrap gap-x-2">
            <dt className="font-medium">{t('inCapital', { capital: capital.capitalName })}</dt>
            <dd data-testid={`time-${capital.capitalName}`}>
              {formatDateTime(instant, locale as Locale, capital.capitalTimeZone)}
              {difference !== 0 ? (
                <span className="ml-2 rounded bg-gold/15 px-1.5 py-0.5 text-xs text-ink">{difference > 0 ? t('nextDay') : t('previousDay')}</span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
