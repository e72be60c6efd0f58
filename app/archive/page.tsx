import Link from 'next/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ArchiveSearchForm } from '@/components/archive/archive-search-form';
import { ForbiddenNotice } from '@/components/archive/forbidden-notice';
import { Card } from '@/components/ui/card';
import { loadArchiveSearchPage } from '@/lib/archive/load-archive-search-page';
import type { ArchiveSearch } from '@/lib/archive/schemas';
import { requireSessionUser } from '@/lib/auth';
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/time/format-instant';

function pageHref(search: ArchiveSearch, page: number): string {
  const params = new URLSearchParams();
  if (search.query) params.set('q', search.query);
  if (search.concludedFrom) params.set('from', search.concludedFrom);
  if (search.concludedTo) params.set('to', search.concludedTo);
  if (search.sort !== 'concluded-desc') params.set('sort', search.sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/archive?${query}` : '/archive';
}

export default async function ArchivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser('/archive');
  const [params, timeZone, locale, t, tStates] = await Promise.all([
    searchParams,
    getTimeZone(),
    getLocale(),
    getTranslations('archive'),
    getTranslations('states'),
  ]);
  const state = await loadArchiveSearchPage({ userId: user.id, params, timeZone });
  if (state.kind === 'forbidden') return <ForbiddenNotice />;
  const { search, fieldErrors, results } = state;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex max-w-3xl flex-col gap-2">
          <h1 className="font-serif text-3xl">{t('title')}</h1>
          <p className="text-muted">{t('intro')}</p>
        </div>
        <Link href="/archive/verify" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-navy hover:border-navy">
          {t('verifyLink')}
        </Link>
      </div>
      <Card>
        <ArchiveSearchForm search={search} fieldErrors={fieldErrors} />
      </Card>
      <p role="status" className="text-sm text-muted" data-testid="archive-count">
        {t('search.results', { count: results.total })}
      </p>
      <ul className="flex flex-col gap-4" aria-label={t('search.resultsLabel')} data-testid="archive-results">
        {results.items.map((item) => (
          <li key={item.id}>
            <Card>
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="flex min-w-0 flex-col gap-1">
                  <h2 className="font-serif text-xl">
                    <Link href={`/archive/${item.id}`} className="text-navy hover:underline">
                      {item.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-muted">{item.delegations.map((delegation) => delegation.name).join(' · ')}</p>
                </div>
                <div className="flex flex-wrap gap-2 text-xs">
                  {item.legalHold ? <span className="rounded-full border border-gold bg-gold/15 px-2 py-1 text-ink">{t('legalHold.badge')}</span> : null}
                  <span className="rounded-full bg-navy/10 px-2 py-1 text-navy">{tStates(item.state as 'CONCLUDED')}</span>
                </div>
              </div>
              <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm md:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t('search.concludedOn')}</dt>
                <dd>{item.concludedAt ? formatDateTime(item.concludedAt, locale as Locale, timeZone) : t('record.none')}</dd>
                <dt className="font-medium">{t('search.signatories')}</dt>
                <dd>{item.signatories.join(' · ') || t('record.none')}</dd>
                <dt className="font-medium">{t('search.originals')}</dt>
                <dd>{t('search.originalCount', { count: item.documentCount })}</dd>
              </dl>
            </Card>
          </li>
        ))}
      </ul>
      {results.pageCount > 1 ? (
        <nav aria-label={t('search.pagination')} className="flex items-center justify-between gap-4 text-sm">
          {results.page > 1 ? (
            <Link href={pageHref(search, results.page - 1)} className="text-navy underline" rel="prev">
              {t('search.previous')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{t('search.page', { page: results.page, pageCount: results.pageCount })}</span>
          {results.page < results.pageCount ? (
            <Link href={pageHref(search, results.page + 1)} className="text-navy underline" rel="next">
              {t('search.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
