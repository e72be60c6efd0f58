'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';

const turnButton =
  'inline-flex items-center gap-1 rounded-md border border-white/30 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40';

/** Under the page: where it is, and — for whoever drives — previous and next; everyone else follows. */
export function DocumentPageTurner({
  page,
  last,
  pageLabel,
  canDrive,
  onTurn,
  fieldsNotice,
}: {
  page: number;
  last: number;
  pageLabel: string;
  canDrive: boolean;
  onTurn: (page: number) => void;
  /** Said beside the page number when the signer's fields are on this page. */
  fieldsNotice: string | null;
}) {
  const t = useTranslations('live.document');
  return (
    <>
      <div className="flex items-center justify-between gap-2 text-xs text-white/70">
        <p aria-live="polite" data-testid="document-page" data-page={page}>
          {pageLabel}
        </p>
        {fieldsNotice ? <p className="text-amber-200">{fieldsNotice}</p> : null}
      </div>
      {canDrive ? (
        <div className="flex items-center justify-between gap-2">
          <button type="button" className={turnButton} disabled={page <= 1} onClick={() => onTurn(page - 1)}>
            <ChevronLeft aria-hidden className="size-4" />
            {t('previous')}
          </button>
          <span className="text-xs text-white/60">{t('driving')}</span>
          <button type="button" className={turnButton} disabled={page >= last} onClick={() => onTurn(page + 1)}>
            {t('next')}
            <ChevronRight aria-hidden className="size-4" />
          </button>
        </div>
      ) : (
        <p className="text-xs text-white/60">{t('following')}</p>
      )}
    </>
  );
}
