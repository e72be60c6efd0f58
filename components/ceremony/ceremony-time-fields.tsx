'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { Locale } from '@/lib/i18n/locales';
import { dayDifference, formatDateTime, zonedLocalToInstant } from '@/lib/time/format-instant';

export interface CapitalClock {
  capitalName: string;
  capitalTimeZone: string;
}

/**
 * Start and end as wall-clock times in a chosen IANA zone, with a live preview of the
 * start in the viewer's zone and in each capital (so a DST switch on one side shows).
 */
export function CeremonyTimeFields({
  timeZones,
  defaults,
  capitals,
  errors,
}: {
  timeZones: string[];
  defaults: { timeZone: string; startLocal: string; endLocal: string };
  capitals: CapitalClock[];
  errors: { timeZone?: string; startLocal?: string; endLocal?: string };
}) {
  const t = useTranslations('schedule.form');
  const tTime = useTranslations('time');
  const locale = useLocale() as Locale;
  const viewerZone = useTimeZone() ?? 'UTC';
  const [timeZone, setTimeZone] = useState(defaults.timeZone);
  const [startLocal, setStartLocal] = useState(defaults.startLocal);
  const [endLocal, setEndLocal] = useState(defaults.endLocal);

  let start: Date | null = null;
  try {
    start = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startLocal) ? zonedLocalToInstant(startLocal, timeZone) : null;
  } catch {
    start = null;
  }
  const clocks = [
    { capitalName: t('viewerClock', { zone: viewerZone }), capitalTimeZone: viewerZone },
    ...(timeZone !== viewerZone && !capitals.some((capital) => capital.capitalTimeZone === timeZone)
      ? [{ capitalName: t('planningClock', { zone: timeZone }), capitalTimeZone: timeZone }]
      : []),
    ...capitals,
  ];
  const seen = new Set<string>();
  const uniqueClocks = clocks.filter(
    (clock) => !seen.has(`${clock.capitalTimeZone}|${clock.capitalName}`) && seen.add(`${clock.capitalTimeZone}|${clock.capitalName}`),
  );
  const reference = capitals[0]?.capitalTimeZone ?? timeZone;

  return (
    <div className="grid gap-4 md:grid-cols-3">
      <SelectField
        name="timeZone"
        label={t('timeZone')}
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
        error={errors.timeZone}
        className="md:col-span-3"
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <TextField
        name="startLocal"
        type="datetime-local"
        label={t('start')}
        value={startLocal}
        onChange={(event) => setStartLocal(event.target.value)}
        error={errors.startLocal}
        required
      />
      <TextField
        name="endLocal"
        type="datetime-local"
        label={t('end')}
        value={endLocal}
        onChange={(event) => setEndLocal(event.target.value)}
        error={errors.endLocal}
        required
      />
      <div className="rounded-md border border-line bg-paper p-3 text-sm md:col-span-3" aria-live="polite">
        <p className="mb-1 font-medium">{t('preview')}</p>
        {start ? (
          <dl className="grid gap-1">
            {uniqueClocks.map((clock) => {
              const difference = dayDifference(start, clock.capitalTimeZone, reference);
              return (
                <div key={`${clock.capitalTimeZone}|${clock.capitalName}`} className="flex flex-wrap gap-x-2">
                  <dt className="font-medium">{clock.capitalName}</dt>
                  <dd>
                    {formatDateTime(start, locale, clock.capitalTimeZone)}
                    {difference !== 0 ? (
                      <span className="ml-2 rounded bg-gold/15 px-1.5 py-0.5 text-xs">{difference > 0 ? tTime('nextDay') : tTime('previousDay')}</span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        ) : (
          <p className="text-muted">{t('previewEmpty')}</p>
        )}
      </div>
    </div>
  );
}
