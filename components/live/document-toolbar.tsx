'use client';

import { Columns2, Maximize2, Minimize2, MoveHorizontal, Scan, ZoomIn, ZoomOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { ZOOM_STEPS } from '@/components/live/reader-zoom';

export type Fit = 'width' | 'page';

const toolButton =
  'inline-flex items-center gap-1 rounded-md border border-white/25 px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40 aria-pressed:bg-white/15';

/** The reader's tools: fit to width or page, zoom, the page thumbnails, focus mode. */
export function DocumentToolbar({
  fit,
  zoom,
  onFit,
  onZoom,
  thumbnails,
  onToggleThumbnails,
  focusMode,
  onToggleFocus,
}: {
  fit: Fit;
  zoom: number;
  /** Fit anew (zoom back to 1). */
  onFit: (fit: Fit) => void;
  onZoom: (direction: 1 | -1) => void;
  thumbnails: boolean;
  onToggleThumbnails: () => void;
  focusMode: boolean;
  onToggleFocus?: () => void;
}) {
  const t = useTranslations('live.document');
  return (
    <div role="toolbar" aria-label={t('tools')} className="flex shrink-0 flex-wrap items-center gap-1">
      <button type="button" className={toolButton} aria-pressed={fit === 'width' && zoom === 1} onClick={() => onFit('width')} data-testid="fit-width">
        <MoveHorizontal aria-hidden className="size-3.5" />
        <span className="max-2xl:sr-only">{t('fitWidth')}</span>
      </button>
      <button type="button" className={toolButton} aria-pressed={fit === 'page' && zoom === 1} onClick={() => onFit('page')} data-testid="fit-page">
        <Scan aria-hidden className="size-3.5" />
        <span className="max-2xl:sr-only">{t('fitPage')}</span>
      </button>
      <button
        type="button"
        className={toolButton}
        onClick={() => onZoom(-1)}
        disabled={zoom <= ZOOM_STEPS[0]!}
        aria-label={t('zoomOut')}
        data-testid="zoom-out"
      >
        <ZoomOut aria-hidden className="size-3.5" />
      </button>
      <span className="w-10 text-center text-xs tabular-nums text-white/70" aria-live="polite">
        {t('zoomLevel', { percent: Math.round(zoom * 100) })}
      </span>
      <button
        type="button"
        className={toolButton}
        onClick={() => onZoom(1)}
        disabled={zoom >= ZOOM_STEPS.at(-1)!}
        aria-label={t('zoomIn')}
        data-testid="zoom-in"
      >
        <ZoomIn aria-hidden className="size-3.5" />
      </button>
      <button type="button" className={toolButton} aria-pressed={thumbnails} onClick={onToggleThumbnails} data-testid="toggle-thumbnails">
        <Columns2 aria-hidden className="size-3.5" />
        <span className="max-2xl:sr-only">{t('pages')}</span>
      </button>
      {onToggleFocus ? (
        <button type="button" className={toolButton} aria-pressed={focusMode} onClick={onToggleFocus} data-testid="toggle-focus">
          {focusMode ? <Minimize2 aria-hidden className="size-3.5" /> : <Maximize2 aria-hidden className="size-3.5" />}
          <span className="max-2xl:sr-only">{focusMode ? t('leaveFocus') : t('focus')}</span>
        </button>
      ) : null}
    </div>
  );
}
