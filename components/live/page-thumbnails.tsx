'use client';

import { useTranslations } from 'next-intl';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PdfPageCanvas } from '@/components/pdf/pdf-page-canvas';

const THUMBNAIL_WIDTH = 72;

/**
 * Small pictures of every page beside the reader. Drawn one after another, after the page
 * being read, only while the strip is open, so a slow machine spends nothing on them
 * otherwise. Whoever drives picks a page with them; for everyone else they show where the room is.
 */
export function PageThumbnails({
  pdf,
  documentId,
  revision,
  current,
  onPick,
}: {
  pdf: PDFDocumentProxy;
  documentId: string;
  revision: number;
  current: number;
  onPick?: (page: number) => void;
}) {
  const t = useTranslations('live.document');
  const pages = Array.from({ length: pdf.numPages }, (_, index) => index + 1);
  return (
    <nav aria-label={t('thumbnails')} className="flex w-[92px] shrink-0 flex-col gap-2 overflow-y-auto pr-1" data-testid="page-thumbnails">
      {pages.map((number) => (
        <button
          key={number}
          type="button"
          disabled={!onPick}
          aria-current={number === current ? 'page' : undefined}
          aria-label={t('goToPage', { page: number })}
          onClick={() => onPick?.(number)}
          className={`flex flex-col items-center gap-0.5 rounded-md p-1 text-[10px] text-white/70 focus-visible:outline-2 focus-visible:outline-amber-300 ${number === current ? 'bg-amber-300/20 ring-1 ring-amber-300' : 'hover:bg-white/10'} disabled:cursor-default`}
        >
          <PdfPageCanvas
            request={{
              pdf,
              documentId,
              revision,
              pageNumber: number,
              fitting: { box: { width: THUMBNAIL_WIDTH, height: 0 }, fit: 'width' },
              priority: 'thumbnail',
            }}
            className="block bg-white"
            style={{ width: THUMBNAIL_WIDTH }}
          />
          {number}
        </button>
      ))}
    </nav>
  );
}
