import Link from 'next/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';
import { RehearsalForm } from '@/components/protocol/rehearsal-form';
import { SummaryControls } from '@/components/protocol/summary-controls';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { isLocale } from '@/lib/i18n/locales';
import type { CeremonyProtocol } from '@/lib/protocol/load-ceremony-protocol';
import { formatDateTime } from '@/lib/time/format-instant';

const fullPowersTone = {
  none: 'text-muted',
  pending: 'text-amber-800',
  approved: 'text-ok',
  rejected: 'text-danger',
} as const;

/**
 * The protocol part of the ceremony page: a signatory's own full powers; for organisers
 * full powers, programme, rehearsal and readiness checklist, and after conclusion the
 * transmittal downloads and the public summary.
 */
export async function CeremonyProtocolSection({ ceremonyId, protocol }: { ceremonyId: string; protocol: CeremonyProtocol }) {
  const [t, tRoles, locale, viewerZone] = await Promise.all([getTranslations('protocol.overview'), getTranslations('roles'), getLocale(), getTimeZone()]);
  const tStatus = await getTranslations('protocol.fullPowers.status');
  if (protocol.ownFullPowers) {
    const status = protocol.ownFullPowers as keyof typeof fullPowersTone;
    return (
      <Card aria-labelledby="own-full-powers-heading" data-testid="own-full-powers">
        <h2 id="own-full-powers-heading" className="mb-2 font-serif text-xl">
          {t('ownFullPowers')}
        </h2>
        <p className={`mb-3 text-sm font-medium ${fullPowersTone[status]}`}>{tStatus(status)}</p>
        <Link href={`/ceremonies/${ceremonyId}/full-powers`} className="text-sm text-navy underline">
          {t('manageOwnFullPowers')}
        </Link>
      </Card>
    );
  }
  const organiser = protocol.organiser;
  if (!organiser) return null;
  const mark = (ok: boolean) => (ok ? t('readiness.ok') : t('readiness.notOk'));
  return (
    <>
      <Card aria-labelledby="protocol-heading" data-testid="protocol-checklist">
        <h2 id="protocol-heading" className="mb-3 font-serif text-xl">
          {t('heading')}
        </h2>
        <ul className="mb-4 flex flex-col gap-2 text-sm">
          <li>
            <Link href={`/ceremonies/${ceremonyId}/full-powers`} className="text-navy underline">
              {t('fullPowers', organiser.fullPowers)}
            </Link>
          </li>
          <li>
            <Link href={`/ceremonies/${ceremonyId}/programme`} className="text-navy underline">
              {t('programme')}
            </Link>
          </li>
        </ul>
        <h3 className="mb-2 font-medium">{t('rehearsal')}</h3>
        {organiser.rehearsal ? (
          <div className="mb-4">
            <CeremonyTimes instant={organiser.rehearsal.start} capitals={organiser.rehearsal.capitals} />
          </div>
        ) : (
          <p className="mb-4 text-sm text-muted">{t('noRehearsal')}</p>
        )}
        <div className="mb-6">
          <RehearsalForm ceremonyId={ceremonyId} form={organiser.rehearsalForm} />
        </div>
        <h3 className="mb-2 font-medium">{t('readiness.heading')}</h3>
        <DataTable
          testId="readiness-table"
          caption={t('readiness.heading')}
          columns={(['person', 'camera', 'microphone', 'connection', 'signingPad', 'checkedAt'] as const).map((key) => ({ key, label: t(`readiness.${key}`) }))}
        >
          {organiser.readiness.map((row) => (
            <tr key={row.participantId} className="border-t border-line" data-testid="readiness-row" data-ready={row.check ? 'checked' : 'unchecked'}>
              <th scope="row" className="py-1 pr-3 font-normal">
                <span className="font-medium">{row.name}</span>
                <span className="block text-xs text-muted">{[tRoles(row.role as 'organiser'), row.delegation].filter(Boolean).join(' · ')}</span>
              </th>
              {row.check ? (
                <>
                  <td className="py-1 pr-3">{mark(row.check.cameraOk)}</td>
                  <td className="py-1 pr-3">{mark(row.check.microphoneOk)}</td>
                  <td className="py-1 pr-3">{t(`readiness.quality.${row.check.connectionQuality as 'good'}`)}</td>
                  <td className="py-1 pr-3">
                    {row.role === 'signatory' || row.role === 'witness' ? mark(row.check.signingPadTried) : t('readiness.notNeeded')}
                  </td>
                  <td className="py-1">{formatDateTime(row.check.checkedAt, isLocale(locale) ? locale : 'en', viewerZone)}</td>
                </>
              ) : (
                <td colSpan={5} className="py-1 text-muted">
                  {t('readiness.notChecked')}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </Card>
      {organiser.concluded ? (
        <Card aria-labelledby="after-heading" data-testid="after-conclusion">
          <h2 id="after-heading" className="mb-3 font-serif text-xl">
            {t('afterHeading')}
          </h2>
          <h3 className="mb-1 font-medium">{t('transmittal')}</h3>
          <p className="mb-2 text-sm text-muted">{t('transmittalHint')}</p>
          <div className="mb-6 flex flex-wrap gap-3 text-sm">
            <a
              href={`/api/ceremonies/${encodeURIComponent(ceremonyId)}/transmittal/pdf`}
              className="rounded-md border border-line px-3 py-2 text-navy hover:border-navy"
              data-testid="transmittal-pdf"
            >
              {t('transmittalPdf')}
            </a>
            <a
              href={`/api/ceremonies/${encodeURIComponent(ceremonyId)}/transmittal/json`}
              className="rounded-md border border-line px-3 py-2 text-navy hover:border-navy"
              data-testid="transmittal-json"
            >
              {t('transmittalJson')}
            </a>
          </div>
          <h3 className="mb-1 font-medium">{t('summary.heading')}</h3>
          <SummaryControls ceremonyId={ceremonyId} published={organiser.summary.published} hasPhoto={organiser.summary.hasPhoto} />
        </Card>
      ) : null}
    </>
  );
}
