import { CheckCircle2, Circle } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Checklist } from '@/lib/scheduling/build-schedule-checklist';

const fixLinks = {
  delegations: '/people',
  signatories: '/people',
  agreement: '/documents',
  originals: '/documents',
  fields: '/fields',
  futureStart: '/edit',
} as const;

/** What scheduling still needs, item by item, each with a link to where it is fixed. */
export async function ScheduleChecklist({ ceremonyId, checklist }: { ceremonyId: string; checklist: Checklist }) {
  const t = await getTranslations('schedule.checklist');
  return (
    <ul className="flex flex-col gap-2" data-testid="schedule-checklist">
      {checklist.items.map((item) => {
        let detail: string | null = null;
        if (!item.ok) {
          if (item.key === 'delegations') detail = t('detail.delegations', { count: item.count });
          if (item.key === 'signatories' && item.delegationsWithout.length > 0) detail = t('detail.signatories', { names: item.delegationsWithout.join(', ') });
          if (item.key === 'originals' && item.partiesWithout.length > 0) detail = t('detail.originals', { names: item.partiesWithout.join(', ') });
          if (item.key === 'fields' && item.missing.length > 0) {
            detail = t('detail.fields', {
              list: item.missing.map((entry) => t('detail.fieldEntry', { signatory: entry.signatory, document: entry.document })).join('; '),
            });
          }
        }
        return (
          <li key={item.key} className="flex items-start gap-2" data-ok={item.ok}>
            {item.ok ? (
              <CheckCircle2 aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-ok" />
            ) : (
              <Circle aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-danger" />
            )}
            <div className="text-sm">
              <span className={item.ok ? '' : 'font-medium'}>
                {t(`items.${item.key}`)}
                <span className="sr-only">{item.ok ? t('done') : t('missing')}</span>
              </span>
              {detail ? <p className="text-muted">{detail}</p> : null}
              {!item.ok ? (
                <Link href={`/ceremonies/${ceremonyId}${fixLinks[item.key]}`} className="text-navy underline">
                  {t(`fix.${item.key}`)}
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
