import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { loadPublicSummary } from '@/lib/protocol/load-public-summary';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: true } };

/** The public summary of a concluded ceremony (no sign-in), once the organiser published it. */
export default async function PublicSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = await getLocale();
  const summary = await loadPublicSummary({ ceremonyId: id, locale: isLocale(locale) ? locale : 'en' });
  if (!summary) notFound();
  const t = await getTranslations('protocol.summary');
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6" data-testid="public-summary">
      <header className="flex flex-col gap-2 border-b border-line pb-4">
        <p className="text-sm uppercase tracking-wide text-muted">{t('kicker')}</p>
        <h1 className="font-serif text-3xl">{summary.title}</h1>
      </header>
      {summary.photo ? (
        // A stored still of any size: next/image would need its dimensions; a plain img keeps the bytes as uploaded.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={`/summary/${encodeURIComponent(summary.id)}/photo?v=${summary.photo.version}`}
          alt={t('photoAlt', { title: summary.title })}
          className="w-full rounded-lg border border-line"
        />
      ) : null}
      <section aria-labelledby="summary-signed">
        <h2 id="summary-signed" className="mb-2 font-serif text-xl">
          {t('signed')}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {summary.signedAt.map((entry) => (
            <div key={entry.capital} className="contents">
              <dt className="font-medium">{entry.capital}</dt>
              <dd>{entry.time}</dd>
            </div>
          ))}
          {summary.place ? (
            <>
              <dt className="font-medium">{t('place')}</dt>
              <dd>{summary.place}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="summary-parties">
        <h2 id="summary-parties" className="mb-2 font-serif text-xl">
          {t('parties')}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {summary.parties.map((party) => (
            <li key={party.name} className="rounded-lg border border-line bg-white p-4">
              <p className="font-medium">{party.name}</p>
              <p className="mb-2 text-sm text-muted">{party.country}</p>
              {party.signatories.map((signatory) => (
                <p key={signatory.name} className="text-sm">
                  {t('signedBy', { name: signatory.name })}
                  {signatory.title ? <span className="block text-muted">{signatory.title}</span> : null}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
