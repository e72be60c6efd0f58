import { isParticipantRole } from '@/lib/live/participant-roles';
import { CircleAlert, CircleCheck, Download } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { LegalHoldForm } from '@/components/archive/legal-hold-form';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';
import { Card } from '@/components/ui/card';
import { DataTable, dataCellClass } from '@/components/ui/data-table';
import { formatByteSize } from '@/lib/archive/format-byte-size';
import { loadArchiveCeremony } from '@/lib/archive/load-archive-ceremony';
import type { DownloadableArtefact } from '@/lib/archive/schemas';
import { requireSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/time/format-instant';

function downloadHref(ceremonyId: string, artefact: DownloadableArtefact, document?: { id: string; revision?: number }): string {
  const params = new URLSearchParams();
  if (document) params.set('document', document.id);
  if (document?.revision !== undefined) params.set('revision', String(document.revision));
  const query = params.toString();
  return `/api/archive/${encodeURIComponent(ceremonyId)}/download/${artefact}${query ? `?${query}` : ''}`;
}

const linkClass = 'inline-flex items-center gap-1 text-navy underline';
const hashClass = 'break-all font-mono text-xs';
const cellClass = dataCellClass;

export default async function ArchiveCeremonyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/archive/${id}`);
  const record = await loadArchiveCeremony({ ceremonyId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const [locale, timeZone, t, tStates, tRoles] = await Promise.all([
    getLocale(),
    getTimeZone(),
    getTranslations('archive'),
    getTranslations('states'),
    getTranslations('roles'),
  ]);
  const when = (instant: Date) => formatDateTime(instant, locale as Locale, timeZone);
  const { ceremony, auditChain } = record;
  const artefactOf = (kind: string) => record.artefacts.filter((artefact) => artefact.kind === kind).at(-1);
  const generated: { artefact: DownloadableArtefact; label: string; kind?: string }[] = [
    { artefact: 'certificate', label: t('record.certificate'), kind: 'certificate' },
    { artefact: 'evidence-package', label: t('record.evidencePackage'), kind: 'evidence-package' },
    { artefact: 'audit-log-json', label: t('record.auditJson') },
    { artefact: 'audit-log-csv', label: t('record.auditCsv') },
  ];

  return (
    <div className="flex flex-col gap-6">
      <Link href="/archive" className="text-sm text-navy underline">
        {t('record.back')}
      </Link>
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl">{ceremony.title}</h1>
        {ceremony.description ? <p className="max-w-3xl text-muted">{ceremony.description}</p> : null}
        <div className="flex flex-wrap gap-2 text-xs">
          <span className="rounded-full bg-navy/10 px-2 py-1 text-navy">{tStates(ceremony.state as 'CONCLUDED')}</span>
          {ceremony.legalHold ? <span className="rounded-full border border-gold bg-gold/15 px-2 py-1 text-ink">{t('legalHold.badge')}</span> : null}
          <span className="rounded-full border border-line px-2 py-1">{ceremony.delegations.map((delegation) => delegation.name).join(' · ')}</span>
        </div>
      </header>

      {ceremony.concludedAt ? (
        <Card aria-labelledby="concluded-heading">
          <h2 id="concluded-heading" className="mb-3 font-serif text-xl">
            {t('record.concluded')}
          </h2>
          <CeremonyTimes instant={ceremony.concludedAt} capitals={ceremony.delegations} />
        </Card>
      ) : null}

      <Card aria-labelledby="downloads-heading">
        <h2 id="downloads-heading" className="mb-3 font-serif text-xl">
          {t('record.downloads')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('record.downloadsHint')}</p>
        <ul className="flex flex-col gap-2 text-sm">
          {generated.map((entry) => {
            const stored = entry.kind ? artefactOf(entry.kind) : undefined;
            return (
              <li key={entry.artefact} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                {entry.kind && !stored ? (
                  <span>
                    {entry.label}
                    {': '}
                    <span className="text-muted">{t('record.missing')}</span>
                  </span>
                ) : stored?.purgedAt ? (
                  <span>
                    {entry.label}
                    {': '}
                    <span className="text-muted">{t('record.purged', { date: when(stored.purgedAt) })}</span>
                  </span>
                ) : (
                  <a href={downloadHref(ceremony.id, entry.artefact)} download className={linkClass} data-testid={`download-${entry.artefact}`}>
                    <Download aria-hidden className="h-4 w-4" />
                    {entry.label}
                  </a>
                )}
                {stored && !stored.purgedAt ? <span className="text-muted">{formatByteSize(stored.byteLength, locale)}</span> : null}
                {stored ? <span className={`${hashClass} text-muted`}>{t('record.sha256', { hash: stored.sha256 })}</span> : null}
              </li>
            );
          })}
        </ul>
      </Card>

      <section aria-labelledby="originals-heading" className="flex flex-col gap-4">
        <h2 id="originals-heading" className="font-serif text-2xl">
          {t('record.originals')}
        </h2>
        {record.documents.map((document) => (
          <Card key={document.id} aria-label={document.title}>
            <div className="mb-3 flex flex-wrap items-start justify-between gap-4">
              <div className="flex flex-col gap-1">
                <h3 className="font-serif text-lg">{document.title}</h3>
                <p className="text-sm text-muted">
                  {document.originalFor ? t('record.originalFor', { party: document.originalFor }) : t('record.sharedOriginal')}
                  {' · '}
                  {t('record.language', { language: document.language.toUpperCase() })}
                  {' · '}
                  {t('record.pages', { count: document.pageCount })}
                </p>
              </div>
              <a
                href={downloadHref(ceremony.id, 'document', { id: document.id })}
                download
                className={`${linkClass} font-medium`}
                data-testid="download-sealed"
              >
                <Download aria-hidden className="h-4 w-4" />
                {document.sealed ? t('record.downloadSealed') : t('record.downloadLatest')}
              </a>
            </div>
            <DataTable
              wide
              caption={t('record.revisionCaption', { title: document.title })}
              columns={(['number', 'kind', 'time', 'who', 'hashes', 'size', 'file'] as const).map((key) => ({ key, label: t(`record.columns.${key}`) }))}
            >
              {document.revisions.map((revision) => (
                <tr key={revision.id}>
                  <td className={cellClass}>{revision.number}</td>
                  <td className={cellClass}>{t(`record.revisionKinds.${revision.kind as 'original'}`)}</td>
                  <td className={cellClass}>{when(revision.createdAt)}</td>
                  <td className={cellClass}>
                    {revision.signature
                      ? revision.signature.signerName
                      : revision.kind === 'sealed'
                        ? t('record.platformSeal')
                        : (revision.createdBy ?? t('record.none'))}
                    {revision.kind === 'sealed' && revision.createdBy ? (
                      <span className="block text-xs text-muted">{t('record.concludedBy', { name: revision.createdBy })}</span>
                    ) : null}
                  </td>
                  <td className={cellClass}>
                    <span className={`block ${hashClass}`}>{revision.sha256}</span>
                    <span className={`block ${hashClass} text-muted`}>
                      {revision.previousSha256 ? t('record.previous', { hash: revision.previousSha256 }) : t('record.noPrevious')}
                    </span>
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>{formatByteSize(revision.byteLength, locale)}</td>
                  <td className={cellClass}>
                    <a
                      href={downloadHref(ceremony.id, 'document', { id: document.id, revision: revision.number })}
                      download
                      className={linkClass}
                      aria-label={t('record.downloadRevision', { number: revision.number, title: document.title })}
                    >
                      <Download aria-hidden className="h-4 w-4" />
                      {t('record.pdf')}
                    </a>
                  </td>
                </tr>
              ))}
            </DataTable>
          </Card>
        ))}
      </section>

      <Card aria-labelledby="signatures-heading">
        <h2 id="signatures-heading" className="mb-3 font-serif text-xl">
          {t('signatures.heading')}
        </h2>
        {record.signatures.length === 0 ? (
          <p className="text-sm text-muted">{t('signatures.empty')}</p>
        ) : (
          <DataTable
            wide
            caption={t('signatures.heading')}
            columns={(['signer', 'document', 'signedAt', 'client', 'certificate'] as const).map((key) => ({ key, label: t(`signatures.columns.${key}`) }))}
          >
            {record.signatures.map((signature) => (
              <tr key={signature.id}>
                <td className={cellClass}>
                  <span className="block font-medium">{signature.signerName}</span>
                  {signature.signerTitle ? <span className="block text-xs text-muted">{signature.signerTitle}</span> : null}
                  {signature.delegationName ? <span className="block text-xs text-muted">{signature.delegationName}</span> : null}
                </td>
                <td className={cellClass}>
                  {signature.documentTitle}
                  <span className="block text-xs text-muted">{t('signatures.revision', { number: signature.revisionNumber })}</span>
                </td>
                <td className={cellClass}>{when(signature.signedAt)}</td>
                <td className={cellClass}>
                  <span className="block font-mono text-xs">{signature.ipAddress || t('record.none')}</span>
                  <span className="block max-w-[16rem] break-words text-xs text-muted">{signature.userAgent || t('record.none')}</span>
                </td>
                <td className={cellClass}>
                  <span className={hashClass}>{signature.certificateSha256}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card aria-labelledby="attendance-heading">
        <h2 id="attendance-heading" className="mb-1 font-serif text-xl">
          {t('attendance.heading')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('attendance.intro')}</p>
        {record.attendance.length === 0 ? (
          <p className="text-sm text-muted">{t('attendance.empty')}</p>
        ) : (
          <DataTable
            caption={t('attendance.heading')}
            columns={(['time', 'who', 'event'] as const).map((key) => ({ key, label: t(`attendance.columns.${key}`) }))}
          >
            {record.attendance.map((entry) => (
              <tr key={entry.id}>
                <td className={cellClass}>{when(entry.at)}</td>
                <td className={cellClass}>
                  {entry.name ?? t('record.none')}
                  {entry.role && isParticipantRole(entry.role) ? <span className="block text-xs text-muted">{tRoles(entry.role)}</span> : null}
                </td>
                <td className={cellClass}>{entry.kind === 'participant.joined' ? t('attendance.joined') : t('attendance.left')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card aria-labelledby="chain-heading">
        <h2 id="chain-heading" className="mb-3 font-serif text-xl">
          {t('chain.heading')}
        </h2>
        {auditChain.intact ? (
          <div className="flex items-start gap-2 text-ok" data-testid="audit-chain-status">
            <CircleCheck aria-hidden className="mt-0.5 h-5 w-5 shrink-0" />
            <div className="flex flex-col gap-1">
              <p>{t('chain.intact', { count: auditChain.length })}</p>
              <p className="text-ink">
                <span className="text-sm">{t('chain.head')}</span> <span className={hashClass}>{auditChain.headHash}</span>
              </p>
            </div>
          </div>
        ) : (
          <div role="alert" className="flex items-start gap-2 text-danger" data-testid="audit-chain-status">
            <CircleAlert aria-hidden className="mt-0.5 h-5 w-5 shrink-0" />
            <div className="flex flex-col gap-1">
              <p className="font-medium">
                {t('chain.broken', {
                  seq: auditChain.brokenSeq,
                  kind: auditChain.brokenKind ?? '?',
                  time: auditChain.brokenAt ? when(auditChain.brokenAt) : '?',
                })}
              </p>
              <p className="text-ink">{t('chain.brokenHint')}</p>
              <p className="font-mono text-xs text-ink">{auditChain.reason}</p>
            </div>
          </div>
        )}
      </Card>

      <Card aria-labelledby="hold-heading">
        <h2 id="hold-heading" className="mb-3 font-serif text-xl">
          {t('legalHold.heading')}
        </h2>
        <div className="mb-4 flex flex-col gap-2 text-sm">
          <p>
            {record.retention.days === null
              ? t('legalHold.retentionForever')
              : t('legalHold.retentionDays', { days: record.retention.days, date: record.retention.purgeDueAt ? when(record.retention.purgeDueAt) : '?' })}
          </p>
          <p className="font-medium" data-testid="legal-hold-status">
            {ceremony.legalHold ? t('legalHold.onHold') : t('legalHold.notOnHold')}
          </p>
          {ceremony.legalHold && ceremony.legalHoldReason ? <p>{t('legalHold.reasonShown', { reason: ceremony.legalHoldReason })}</p> : null}
        </div>
        {record.canManageLegalHold ? (
          <LegalHoldForm ceremonyId={ceremony.id} onHold={ceremony.legalHold} />
        ) : (
          <p className="text-sm text-muted">{t('legalHold.onlyArchivists')}</p>
        )}
      </Card>
    </div>
  );
}
