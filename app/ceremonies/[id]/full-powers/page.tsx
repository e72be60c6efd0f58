import { notFound } from 'next/navigation';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { FullPowersReview } from '@/components/protocol/full-powers-review';
import { FullPowersUpload } from '@/components/protocol/full-powers-upload';
import { Card } from '@/components/ui/card';
import { requireSessionUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { loadFullPowers, type FullPowersRecordView } from '@/lib/protocol/load-full-powers';
import { formatDateTime } from '@/lib/time/format-instant';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

const statusStyles = {
  none: 'border-line text-muted',
  pending: 'border-amber-500/60 bg-amber-50 text-amber-900',
  approved: 'border-ok/50 bg-ok/10 text-ok',
  rejected: 'border-danger/50 bg-danger/10 text-danger',
} as const;

export default async function FullPowersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/ceremonies/${id}/full-powers`);
  const view = await loadFullPowers({ ceremonyId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (view.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const [t, locale, viewerZone] = await Promise.all([getTranslations('protocol.fullPowers'), getLocale(), getTimeZone()]);
  const when = (iso: string) => formatDateTime(new Date(iso), isLocale(locale) ? locale : 'en', viewerZone);
  const letterHref = (record: FullPowersRecordView) => `/api/ceremonies/${encodeURIComponent(id)}/full-powers/${encodeURIComponent(record.id)}`;

  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={view.ceremony} />
      {view.myRole === 'organiser' ? <OrganiserNav ceremonyId={id} current="full-powers" /> : null}
      <Card aria-labelledby="full-powers-heading">
        <h2 id="full-powers-heading" className="mb-1 font-serif text-xl">
          {t('heading')}
        </h2>
        <p className="text-sm text-muted">{view.myRole === 'organiser' ? t('introOrganiser') : t('introSignatory')}</p>
      </Card>
      {view.signatories.length === 0 ? <p className="text-muted">{t('noSignatories')}</p> : null}
      {view.signatories.map((signatory) => {
        const status = signatory.latest?.status ?? 'none';
        return (
          <Card key={signatory.participantId} aria-labelledby={`signatory-${signatory.participantId}`} data-testid="full-powers-signatory" data-status={status}>
            <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 id={`signatory-${signatory.participantId}`} className="text-lg font-medium">
                  {signatory.name}
                </h3>
                <p className="text-sm text-muted">{[signatory.title, signatory.delegation].filter(Boolean).join(' · ')}</p>
              </div>
              <span className={`rounded-full border px-3 py-1 text-sm ${statusStyles[status]}`} data-testid="full-powers-status">
                {t(`status.${status}`)}
              </span>
            </div>
            <p className="mb-4 text-sm">{t('examinedBy', { parties: signatory.reviewers.join(', ') || t('otherParty') })}</p>
            {signatory.latest ? (
              <div className="mb-4 flex flex-col gap-3">
                <LetterSummary record={signatory.latest} href={letterHref(signatory.latest)} when={when} t={t} />
                {signatory.latest.mayReview ? <FullPowersReview ceremonyId={id} fullPowersId={signatory.latest.id} signatoryName={signatory.name} /> : null}
              </div>
            ) : (
              <p className="mb-4 text-sm text-muted">{t('noLetter')}</p>
            )}
            {signatory.mayUpload ? (
              <FullPowersUpload ceremonyId={id} participantId={signatory.participantId} signatoryName={signatory.name} maxBytes={env.UPLOAD_MAX_BYTES} />
            ) : null}
            {signatory.history.length > 0 ? (
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer text-navy">{t('history', { count: signatory.history.length })}</summary>
                <ul className="mt-2 flex flex-col gap-3">
                  {signatory.history.map((record) => (
                    <li key={record.id}>
                      <LetterSummary record={record} href={letterHref(record)} when={when} t={t} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}

function LetterSummary({
  record,
  href,
  when,
  t,
}: {
  record: FullPowersRecordView;
  href: string;
  when: (iso: string) => string;
  t: Awaited<ReturnType<typeof getTranslations<'protocol.fullPowers'>>>;
}) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>
        <a href={href} target="_blank" rel="noopener" className="font-medium text-navy underline" data-testid="full-powers-letter">
          {t('viewLetter', { fileName: record.fileName })}
        </a>
        <span className="ml-2 text-muted">{t('uploadedAt', { time: when(record.uploadedAt) })}</span>
      </p>
      <p className="break-all text-xs text-muted">
        {t('sha256')} <code>{record.sha256}</code>
      </p>
      {record.reviewedAt ? (
        <p data-testid="full-powers-decision">
          {t(record.status === 'approved' ? 'approvedBy' : 'rejectedBy', withFinalSounds({ name: record.reviewedBy ?? '', time: when(record.reviewedAt) }))}
          {record.reviewReason ? <span className="block text-muted">{t('reasonGiven', { reason: record.reviewReason })}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
