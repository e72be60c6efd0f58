'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';

export interface DocumentPaneProps {
  documentId: string;
  page: number;
  /** The organiser (or the signatory whose turn it is) turns pages for everyone. */
  canDrive: boolean;
  onPageChange: (page: number) => void;
  pageCount?: number;
  title?: string;
}

/**
 * The shared agreement beside the video. For now it shows where everyone is (the page
 * number follows the driver over the data channel); the PDF viewer replaces this component
 * with the same props.
 */
export function DocumentPane({ documentId, page, canDrive, onPageChange, pageCount, title }: DocumentPaneProps) {
  const t = useTranslations('live.document');
  const last = pageCount ?? Number.POSITIVE_INFINITY;
  return (
    <div className="flex h-full flex-col gap-3" data-testid="document-pane" data-document-id={documentId}>
      {title ? <p className="truncate text-sm text-white/70">{title}</p> : null}
      <div className="flex flex-1 flex-col items-center justify-center gap-2 rounded-md border border-white/10 bg-white/5 p-6 text-center">
        <p className="text-sm text-white/60">{t('placeholder')}</p>
        <p className="font-serif text-3xl" aria-live="polite" data-testid="document-page" data-page={page}>
          {pageCount ? t('pageOf', { page, count: pageCount }) : page}
        </p>
      </div>
      {canDrive ? (
        <div className="flex items-center justify-between gap-2">
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-3 py-1.5 text-sm disabled:opacity-40"
            disabled={page <= 1}
            onClick={() => onPageChange(page - 1)}
          >
            <ChevronLeft aria-hidden className="size-4" />
            {t('previous')}
          </button>
          <span className="text-xs text-white/60">{t('driving')}</span>
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-3 py-1.5 text-sm disabled:opacity-40"
            disabled={page >= last}
            onClick={() => onPageChange(page + 1)}
          >
            {t('next')}
            <ChevronRight aria-hidden className="size-4" />
          </button>
        </div>
      ) : (
        <p className="text-xs text-white/60">{t('following')}</p>
      )}
    </div>
  );
}
