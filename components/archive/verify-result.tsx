'use client';

import { CircleAlert, CircleCheck, CircleX, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { formatByteSize } from '@/lib/archive/format-byte-size';
import type { ArchiveVerdict, ArchiveVerification, RevisionMatch } from '@/lib/archive/verify-uploaded-pdf';
import type { Locale } from '@/lib/i18n/locales';
import { formatDate, formatDateTime } from '@/lib/time/format-instant';

type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
export type VerifyResultData = Jsonify<ArchiveVerification>;
type MatchData = Jsonify<RevisionMatch>;

const tone: Record<ArchiveVerdict, { icon: LucideIcon; className: string }> = {
  valid: { icon: CircleCheck, className: 'border-ok/40 bg-ok/5 text-ok' },
  'valid-but-modified-after-signing': { icon: CircleAlert, className: 'border-gold/60 bg-gold/10 text-ink' },
  untrusted: { icon: CircleAlert, className: 'border-gold/60 bg-gold/10 text-ink' },
  modified: { icon: CircleX, className: 'border-danger/40 bg-danger/5 text-danger' },
  invalid: { icon: CircleX, className: 'border-danger/40 bg-danger/5 text-danger' },
  'not-signed': { icon: CircleAlert, className: 'border-line bg-paper text-ink' },
  'not-a-pdf': { icon: CircleX, className: 'border-danger/40 bg-danger/5 text-danger' },
};

/** "D:20261126100500+01'00'" (a PDF date) → the instant, when it is one. */
function parsePdfDate(value: string | undefined): Date | undefined {
  const match = value ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value) : null;
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const formatByteRange = (range: number[]) => `[${range.join(' ')}]`;

type ChangeData = VerifyResultData['signatures'][number]['changesAfter'][number];

function ChangesAfter({ changes }: { changes: ChangeData[] }) {
  const t = useTranslations('archive.verify');
  if (changes.length === 0) return <p className="mb-3 text-sm text-ok">{t('changes.none')}</p>;
  return (
    <div className="mb-3 text-sm">
      <p className="font-medium">{t('changes.heading')}</p>
      <ul className="mt-1 flex flex-col gap-1" data-testid="verify-changes">
        {changes.map((change, i) => (
          <Check key={`${change.revision}-${i}`} ok={change.allowed}>
            {t(`changes.kinds.${change.kind}`, {
              field: change.fieldName ?? '?',
              page: change.page ?? 0,
              key: change.key ?? '',
              object: change.objectNumber ?? 0,
            })}{' '}
            <span className="text-muted">
              {t(change.allowed ? 'changes.inRevisionAllowed' : 'changes.inRevisionDisallowed', { revision: change.revision })}
            </span>
          </Check>
        ))}
      </ul>
    </div>
  );
}

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  const Icon = ok ? CircleCheck : CircleX;
  return (
    <li className={`flex items-start gap-2 ${ok ? 'text-ok' : 'text-danger'}`}>
      <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span className="text-ink">{children}</span>
    </li>
  );
}

export function VerifyResult({ result }: { result: VerifyResultData }) {
  const t = useTranslations('archive.verify');
  const tKinds = useTranslations('archive.record.revisionKinds');
  const locale = useLocale() as Locale;
  const timeZone = useTimeZone() ?? 'UTC';
  const when = (iso: string) => formatDateTime(new Date(iso), locale, timeZone);
  const { icon: Icon, className } = tone[result.verdict];
  const structureReason = result.structureProblem?.reason;
  const structureNote = structureReason === 'TRUNCATED' || structureReason === 'NO_PAGES' || structureReason === 'MALFORMED' ? structureReason : undefined;

  const describeMatch = (match: MatchData, prefix: boolean) => {
    const kind = tKinds(match.revisionKind as 'original');
    if (!match.ceremony)
      return prefix
        ? t('match.prefixHidden', { bytes: match.matchedBytes, number: match.revisionNumber, kind })
        : t('match.hidden', { number: match.revisionNumber, kind });
    const values = {
      number: match.revisionNumber,
      kind,
      document: match.ceremony.documentTitle,
      ceremony: match.ceremony.title,
      time: when(match.ceremony.createdAt),
      bytes: match.matchedBytes,
    };
    return (
      <>
        {prefix ? t('match.prefix', values) : t('match.exact', values)}
        {match.isNewest && !prefix ? ` ${t('match.newest')}` : ''}
        {match.ceremony.inArchive ? (
          <>
            {' '}
            <Link href={`/archive/${match.ceremony.id}`} className="text-navy underline">
              {t('match.open')}
            </Link>
          </>
        ) : null}
      </>
    );
  };

  return (
    <section aria-labelledby="verify-result-heading" className="flex flex-col gap-4" data-testid="verify-result">
      <div role="status" className={`flex items-start gap-3 rounded-lg border p-4 ${className}`}>
        <Icon aria-hidden className="mt-1 h-6 w-6 shrink-0" />
        <div className="flex flex-col gap-1">
          <h2 id="verify-result-heading" className="font-serif text-2xl" data-testid="verify-verdict">
            {t(`verdicts.${result.verdict}`)}
          </h2>
          <p className="text-ink">{t(`explanations.${result.verdict}`, { bytes: result.bytesAfterLastSignature, count: result.signatures.length })}</p>
        </div>
      </div>
      {structureNote ? <p className="text-sm text-ink">{t(`structure.${structureNote}`)}</p> : null}
      <p className="text-sm" data-testid="verify-match">
        {result.exactMatch ? describeMatch(result.exactMatch, false) : result.prefixMatch ? describeMatch(result.prefixMatch, true) : t('match.none')}
      </p>
      <dl className="grid gap-x-6 gap-y-1 text-sm md:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t('fileHash')}</dt>
        <dd className="break-all font-mono text-xs">{result.sha256}</dd>
        <dt className="font-medium">{t('size')}</dt>
        <dd>{formatByteSize(result.byteLength, locale)}</dd>
      </dl>
      {result.signatures.length > 0 ? (
        <div className="flex flex-col gap-3">
          <h3 className="font-serif text-xl">{t('signatures')}</h3>
          <ol className="flex flex-col gap-3">
            {result.signatures.map((signature) => {
              const signedAt = parsePdfDate(signature.signingTime);
              return (
                <li key={signature.index} className="rounded-md border border-line bg-white p-4">
                  <h4 className="mb-2 font-medium">
                    {signature.kind === 'document-timestamp'
                      ? t('timestampTitle', { index: signature.index })
                      : t('signatureTitle', { index: signature.index })}
                    {signature.signerName ? ` — ${signature.signerName}` : ''}
                  </h4>
                  <dl className="mb-3 grid gap-x-6 gap-y-1 text-sm md:grid-cols-[auto_1fr]">
                    {signature.fieldName ? (
                      <>
                        <dt className="font-medium">{t('field')}</dt>
                        <dd className="font-mono text-xs">{signature.fieldName}</dd>
                      </>
                    ) : null}
                    {signedAt ? (
                      <>
                        <dt className="font-medium">{t('signedAt')}</dt>
                        <dd>{formatDateTime(signedAt, locale, timeZone)}</dd>
                      </>
                    ) : null}
                    {signature.byteRange ? (
                      <>
                        <dt className="font-medium">{t('byteRange')}</dt>
                        <dd className="font-mono text-xs">{formatByteRange(signature.byteRange)}</dd>
                      </>
                    ) : null}
                  </dl>
                  <ul className="mb-3 flex flex-col gap-1 text-sm">
                    <Check ok={signature.byteRangeSane}>{signature.byteRangeSane ? t('checks.byteRangeOk') : t('checks.byteRangeBad')}</Check>
                    <Check ok={signature.digestIntact}>{signature.digestIntact ? t('checks.digestOk') : t('checks.digestBad')}</Check>
                    <Check ok={signature.signatureValid}>{signature.signatureValid ? t('checks.signatureOk') : t('checks.signatureBad')}</Check>
                    {signature.byteRangeSane ? (
                      <Check ok={signature.modifiedAfterSigning !== 'appended-unsigned-bytes'}>
                        {signature.coversWholeFile
                          ? t('checks.coversWholeFile')
                          : signature.modifiedAfterSigning === 'later-signed-revision'
                            ? t('checks.laterRevision')
                            : t('checks.appended')}
                      </Check>
                    ) : null}
                    <Check ok={signature.chainsToTrustedCa}>{signature.chainsToTrustedCa ? t('checks.chainsOk') : t('checks.chainsNo')}</Check>
                    {signature.timestamp ? (
                      <Check ok={signature.timestamp.valid}>
                        {signature.timestamp.valid
                          ? t('checks.timestampOk', { time: signature.timestamp.time ? when(signature.timestamp.time) : '?' })
                          : t('checks.timestampBad')}
                      </Check>
                    ) : null}
                  </ul>
                  <ChangesAfter changes={signature.changesAfter} />
                  {signature.issuerChain.length > 1 ? (
                    <p className="mb-3 text-sm">
                      <span className="font-medium">{t('issuerChain')}</span> <span className="break-words">{signature.issuerChain.join(' ← ')}</span>
                    </p>
                  ) : null}
                  {signature.certificate ? (
                    <details className="text-sm">
                      <summary className="cursor-pointer text-navy">{t('certificate.heading')}</summary>
                      <dl className="mt-2 grid gap-x-6 gap-y-1 md:grid-cols-[auto_1fr]">
                        <dt className="font-medium">{t('certificate.subject')}</dt>
                        <dd className="break-words">{signature.certificate.subject.replace(/\n/g, ', ')}</dd>
                        <dt className="font-medium">{t('certificate.issuer')}</dt>
                        <dd className="break-words">{signature.certificate.issuer.replace(/\n/g, ', ')}</dd>
                        <dt className="font-medium">{t('certificate.serial')}</dt>
                        <dd className="break-all font-mono text-xs">{signature.certificate.serialNumber}</dd>
                        <dt className="font-medium">{t('certificate.validity')}</dt>
                        <dd>
                          {t('certificate.validityRange', {
                            from: formatDate(new Date(signature.certificate.validFrom), locale, timeZone),
                            to: formatDate(new Date(signature.certificate.validTo), locale, timeZone),
                          })}
                        </dd>
                        <dt className="font-medium">{t('certificate.fingerprint')}</dt>
                        <dd className="break-all font-mono text-xs">{signature.certificate.sha256}</dd>
                      </dl>
                      {signature.certificate.isDevelopment ? <p className="mt-2 text-gold">{t('certificate.development')}</p> : null}
                    </details>
                  ) : null}
                  {signature.problems.length > 0 ? (
                    <p className="mt-2 text-sm">
                      <span className="font-medium">{t('problems')}</span> <span className="font-mono text-xs">{signature.problems.join('; ')}</span>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
