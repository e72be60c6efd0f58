'use client';

import { useTranslations } from 'next-intl';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';

const THUMBNAIL_WIDTH = 72;

/**
 * Small pictures of every page beside the reader. Drawn one after another, only while the
 * strip is open, so a slow machine spends nothing on them otherwise. Whoever drives picks a
 * page with them; for everyone else they show where the room is.
 */
export function PageThumbnails({ pdf, revision, current, onPick }: { pdf: PDFDocumentProxy; revision: number; current: number; onPick?: (page: number) => void }) {
  const t = useTranslations('live.document');
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  const pages = Array.from({ length: pdf.numPages }, (_, index) => index + 1);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (let number = 1; number <= pdf.numPages && !cancelled; number += 1) {
        const canvas = canvases.current.get(number);
        if (!canvas) continue;
        const page = await pdf.getPage(number);
        if (cancelled) return;
        const viewport = page.getViewport({ scale: THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await page.render({ canvas, viewport }).promise;
      }
    })().catch((error: unknown) => {
      if (!cancelled) console.error('Page thumbnails could not be drawn', error);
    });
    return () => {
      cancelled = true;
    };
  }, [pdf, revision]);

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
          <canvas
            ref={(element) => {
              if (element) canvases.current.set(number, element);
              else canvases.current.delete(number);
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
