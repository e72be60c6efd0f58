'use client';

import { BadgeCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';

/** The ceremony is concluded: said to everyone, with the organiser's next step while it is not yet archived. */
export function ConcludedNotice({ organiserHint }: { organiserHint: boolean }) {
  const t = useTranslations('signing');
  return (
    <div role="status" className="flex gap-3 rounded-md border border-amber-200/40 bg-amber-100/5 px-3 py-2" data-testid="concluded-notice">
      <BadgeCheck aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-amber-100" />
      <div className="flex flex-col gap-1">
        <p className="font-serif text-base text-amber-50">{t('concluded.heading')}</p>
        <p className="text-sm text-white/80">{t('concluded.body')}</p>
        {organiserHint ? <p className="text-sm text-white/70">{t('concluded.organiserHint')}</p> : null}
      </div>
    </div>
  );
}
