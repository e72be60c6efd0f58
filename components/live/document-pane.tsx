'use client';

import { ChevronLeft, ChevronRight, Columns2, Maximize2, Minimize2, MoveHorizontal, Scan, ZoomIn, ZoomOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { PageViewport } from 'pdfjs-dist';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PageThumbnails } from '@/components/live/page-thumbnails';
import { markViewer, usePdfRevision } from '@/components/live/use-pdf-revision';

export interface FieldRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  kind?: string;
  fieldName?: string;
}

/** The signature as it will appear, drawn into the fields being signed (review step). */
export interface SignaturePreview {
  typed?: string;
  drawnDataUrl?: string;
}

export interface DocumentPaneProps {
  ceremonyId: string;
  documentId: string;
  page: number;
  /** The organiser (or the signatory who is signing) turns pages for everyone. */
  canDrive: boolean;
  onPageChange: (page: number) => void;
  pageCount?: number;
  title?: string;
  /** The newest revision known to exist (signing status, or the room's revision message): a higher one reloads. */
  revision: number | null;
  /** Fields to highlight (the viewer's own, when it is their turn): PDF points from the visible page box's lower-left corner. */
  highlights?: FieldRect[];
  /** Per page, that corner in PDF user space (AgreementDocument.pageSizes); pdf.js's page box otherwise. */
  pageOrigins?: [number, number][];
  /** Told when a page has been drawn (from which revision). */
  onPageShown?: (shown: { documentId: string; page: number; revision: number }) => void;
  /** Told which highlighted fields are on screen, drawn from which revision (the signer has seen them). */
  onFieldsShown?: (shown: { documentId: string; revision: number; fieldNames: string[] }) => void;
  preview?: SignaturePreview | null;
  /** Focus mode: the page gets most of the screen (the room decides the layout). */
  focusMode?: boolean;
  onToggleFocus?: () => void;
  /** Bring the first highlight into view whenever this key changes (the signer steps to a field). */
  revealKey?: string;
}

interface Rendered {
  documentId: string;
  page: number;
  revision: number;
  viewport: PageViewport;
  origin: [number, number];
}

type Fit = 'width' | 'page';
const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];
/** A field counts as seen when this share of it is on screen. */
const SHOWN_RATIO = 0.75;

function screenRect(viewport: PageViewport, origin: [number, number], field: FieldRect) {
  const [ax, ay] = viewport.convertToViewportPoint(origin[0] + field.x, origin[1] + field.y);
  const [bx, by] = viewport.convertToViewportPoint(origin[0] + field.x + field.width, origin[1] + field.y + field.height);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part && !part.endsWith('.'))
    .map((part) => Array.from(part)[0])
    .join('');
}

/**
 * The shared agreement: pdf.js renders the document's newest revision, so every signature
 * appears in place as soon as its revision lands. A reader, not a thumbnail: fit to width
 * (default) or to the page, zoom, page thumbnails, and a focus mode that hands the page most
 * of the screen. The page follows whoever drives; a signatory signing sees their fields
 * highlighted — with their signature drawn in place while they review it.
 */
export function DocumentPane({
  ceremonyId,
  documentId,
  page,
  canDrive,
  onPageChange,
  pageCount,
  title,
  revision,
  highlights = [],
  pageOrigins,
  onFieldsShown,
  onPageShown,
  preview,
  focusMode = false,
  onToggleFocus,
  revealKey,
}: DocumentPaneProps) {
  const t = useTranslations('live.document');
  const [attempt, setAttempt] = useState(0);
  const { loaded, failure } = usePdfRevision({ ceremonyId, documentId, revision, attempt });
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  const [fit, setFit] = useState<Fit>('width');
  const [zoom, setZoom] = useState(1);
  const [thumbnails, setThumbnails] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const highlightRefs = useRef(new Map<string, HTMLDivElement>());
  const pageShownCallback = useRef(onPageShown);
  useEffect(() => {
    pageShownCallback.current = onPageShown;
  }, [onPageShown]);

  const last = pageCount ?? loaded?.pdf.numPages ?? Number.POSITIVE_INFINITY;
  const shownPage = Math.max(1, Math.min(page, loaded?.pdf.numPages ?? page));
  // By value: the page's refetch brings equal origins in a new array, which must not redraw the page.
  const knownOrigin = pageOrigins?.[shownPage - 1];
  const originX = knownOrigin?.[0] ?? 0;
  const originY = knownOrigin?.[1] ?? 0;
  // Only a drawing of this document counts (the previous document's canvas stays up until the new one is drawn).
  const visibleRendered = rendered?.documentId === documentId ? rendered : null;

  // Follow the stage's size (the layout changes while someone signs, or in focus mode).
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const width = Math.floor(entry.contentRect.width);
        const height = Math.floor(entry.contentRect.height);
        setBox((current) => (current && current.width === width && current.height === height ? current : { width, height }));
      });
    });
    observer.observe(stage);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  // Draw the page off screen, then swap it in at once: no blank frame between revisions.
  // Only what changes the picture redraws it (revision, page, size, zoom), never a room message.
  useEffect(() => {
    if (!loaded || !box || box.width < 40 || box.height < 40) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    void (async () => {
      const pdfPage = await loaded.pdf.getPage(shownPage);
      if (cancelled) return;
      const base = pdfPage.getViewport({ scale: 1 });
      const widthScale = (box.width - 4) / base.width;
      const fitScale = fit === 'width' ? widthScale : Math.min(widthScale, (box.height - 4) / base.height);
      const scale = Math.max(0.2, fitScale * zoom);
      const viewport = pdfPage.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const offscreen = document.createElement('canvas');
      offscreen.width = Math.floor(viewport.width * ratio);
      offscreen.height = Math.floor(viewport.height * ratio);
      task = pdfPage.render({ canvas: offscreen, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      canvas.width = offscreen.width;
      canvas.height = offscreen.height;
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.getContext('2d')?.drawImage(offscreen, 0, 0);
      markViewer('drawn', documentId, loaded.number);
      const origin: [number, number] = originX !== 0 || originY !== 0 ? [originX, originY] : [pdfPage.view[0] ?? 0, pdfPage.view[1] ?? 0];
      setRendered({ documentId, page: shownPage, revision: loaded.number, viewport, origin });
      pageShownCallback.current?.({ documentId, page: shownPage, revision: loaded.number });
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) console.error('The agreement viewer could not draw the page', error);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [loaded, documentId, shownPage, box, originX, originY, fit, zoom]);

  const onThisPage = visibleRendered && visibleRendered.page === shownPage ? highlights.filter((field) => field.page === visibleRendered.page) : [];
  const fieldKey = (field: FieldRect, index: number) => field.fieldName ?? `${field.page}-${field.x}-${field.y}-${index}`;
  const highlightSignature = onThisPage.map(fieldKey).join('|');

  // The signer steps to a field: bring it into view (the page may be zoomed, or below the fold on a phone).
  useEffect(() => {
    if (!revealKey || !visibleRendered) return;
    const first = highlightRefs.current.values().next().value;
    first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [revealKey, visibleRendered, highlightSignature]);

  // Which highlighted fields are on screen, drawn from the revision shown: what the signer has seen.
  const shownCallback = useRef(onFieldsShown);
  useEffect(() => {
    shownCallback.current = onFieldsShown;
  }, [onFieldsShown]);
  const watching = Boolean(onFieldsShown);
  useEffect(() => {
    if (!watching || !visibleRendered || highlightSignature === '') return;
    const revisionShown = visibleRendered.revision;
    const observer = new IntersectionObserver(
      (entries) => {
        const fieldNames = entries.filter((entry) => entry.isIntersecting && entry.intersectionRatio >= SHOWN_RATIO).map((entry) => (entry.target as HTMLElement).dataset.fieldName ?? '');
        if (fieldNames.length > 0) shownCallback.current?.({ documentId, revision: revisionShown, fieldNames });
      },
      { threshold: [SHOWN_RATIO, 1] },
    );
    for (const element of highlightRefs.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [watching, visibleRendered, highlightSignature, documentId]);

  const turn = (next: number) => {
    if (!canDrive) return;
    const target = Math.max(1, Math.min(last, next));
    if (target !== page) onPageChange(target);
  };
  const zoomBy = (direction: 1 | -1) => {
    setZoom((current) => {
      const index = ZOOM_STEPS.findIndex((step) => step >= current - 1e-6);
      const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (index === -1 ? ZOOM_STEPS.length - 1 : index) + direction))];
      return next ?? current;
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === '+' || event.key === '=') return void (event.preventDefault(), zoomBy(1));
    if (event.key === '-') return void (event.preventDefault(), zoomBy(-1));
    if (!canDrive) return;
    const moves: Record<string, number> = { ArrowRight: page + 1, PageDown: page + 1, ArrowLeft: page - 1, PageUp: page - 1, Home: 1, End: last };
    const next = moves[event.key];
    if (next === undefined || !Number.isFinite(next)) return;
    event.preventDefault();
    turn(next);
  };

  const pageLabel = pageCount ? t('pageOf', { page, count: pageCount }) : String(page);
  const toolButton =
    'inline-flex items-center gap-1 rounded-md border border-white/25 px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40 aria-pressed:bg-white/15';
  return (
    <div
      className="flex h-full min-h-0 flex-col gap-2"
      data-testid="document-pane"
      data-document-id={documentId}
      data-revision={visibleRendered?.revision ?? ''}
      data-rendered-page={visibleRendered?.page ?? ''}
      data-fit={fit}
      data-zoom={zoom}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        {title ? <p className="min-w-0 flex-1 truncate text-sm text-white/70">{title}</p> : <span className="flex-1" />}
        <div role="toolbar" aria-label={t('tools')} className="flex shrink-0 flex-wrap items-center gap-1">
          <button type="button" className={toolButton} aria-pressed={fit === 'width' && zoom === 1} onClick={() => (setFit('width'), setZoom(1))} data-testid="fit-width">
            <MoveHorizontal aria-hidden className="size-3.5" />
            <span className="max-2xl:sr-only">{t('fitWidth')}</span>
          </button>
          <button type="button" className={toolButton} aria-pressed={fit === 'page' && zoom === 1} onClick={() => (setFit('page'), setZoom(1))} data-testid="fit-page">
            <Scan aria-hidden className="size-3.5" />
            <span className="max-2xl:sr-only">{t('fitPage')}</span>
          </button>
          <button type="button" className={toolButton} onClick={() => zoomBy(-1)} disabled={zoom <= ZOOM_STEPS[0]!} aria-label={t('zoomOut')} data-testid="zoom-out">
            <ZoomOut aria-hidden className="size-3.5" />
          </button>
          <span className="w-10 text-center text-xs tabular-nums text-white/70" aria-live="polite">
            {t('zoomLevel', { percent: Math.round(zoom * 100) })}
          </span>
          <button type="button" className={toolButton} onClick={() => zoomBy(1)} disabled={zoom >= ZOOM_STEPS.at(-1)!} aria-label={t('zoomIn')} data-testid="zoom-in">
            <ZoomIn aria-hidden className="size-3.5" />
          </button>
          <button type="button" className={toolButton} aria-pressed={thumbnails} onClick={() => setThumbnails((value) => !value)} data-testid="toggle-thumbnails">
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
      </div>
      <div className="flex min-h-[180px] flex-1 gap-2">
        {thumbnails && loaded ? <PageThumbnails pdf={loaded.pdf} revision={loaded.number} current={shownPage} onPick={canDrive ? turn : undefined} /> : null}
        <div
          ref={stageRef}
          role="region"
          aria-label={title ? `${title}, ${pageLabel}` : pageLabel}
          aria-roledescription={t('viewer')}
          aria-keyshortcuts={canDrive ? 'ArrowLeft ArrowRight PageUp PageDown Home End + -' : '+ -'}
          tabIndex={0}
          onKeyDown={onKeyDown}
          className="relative flex min-h-0 min-w-0 flex-1 overflow-auto rounded-md border border-white/10 bg-white/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
          data-testid="document-stage"
        >
          <div className="relative m-auto shadow-lg" style={visibleRendered ? undefined : { display: 'none' }}>
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={pageLabel}
              className={`block bg-white ${onToggleFocus && !focusMode ? 'cursor-zoom-in' : ''}`}
              data-testid="document-canvas"
              onClick={() => {
                if (!focusMode) onToggleFocus?.();
              }}
            />
            {visibleRendered
              ? onThisPage.map((field, index) => {
                  const rect = screenRect(visibleRendered.viewport, visibleRendered.origin, field);
                  const key = fieldKey(field, index);
                  return (
                    <div
                      key={key}
                      ref={(element) => {
                        if (element) highlightRefs.current.set(key, element);
                        else highlightRefs.current.delete(key);
                      }}
                      aria-hidden
                      data-testid="my-field-highlight"
                      data-field-name={field.fieldName ?? ''}
                      className={`pointer-events-none absolute flex scroll-mt-4 items-center justify-center overflow-hidden rounded-sm border-2 border-amber-400 max-lg:scroll-mb-[52vh] ${preview ? 'bg-white/70' : 'bg-amber-300/25 motion-safe:animate-pulse'}`}
                      style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
                    >
                      {preview ? <FieldPreview preview={preview} initials={field.kind === 'initials'} height={rect.height} /> : null}
                    </div>
                  );
                })
              : null}
          </div>
          {!visibleRendered && !failure ? (
            <p role="status" className="m-auto text-sm text-white/60">
              {t('loading')}
            </p>
          ) : null}
          {failure ? (
            <div role="alert" className="m-auto flex flex-col items-center gap-2 p-4 text-center text-sm text-white/80">
              <p>{failure === 'forbidden' ? t('notReleased') : t('loadFailed')}</p>
              {failure === 'failed' ? (
                <button type="button" className="rounded-md border border-white/30 px-3 py-1" onClick={() => setAttempt((value) => value + 1)}>
                  {t('retry')}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-white/70">
        <p aria-live="polite" data-testid="document-page" data-page={page}>
          {pageLabel}
        </p>
        {onThisPage.length > 0 ? <p className="text-amber-200">{preview ? t('previewInPlace') : t('yourFields')}</p> : null}
      </div>
      {canDrive ? (
        <div className="flex items-center justify-between gap-2">
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40"
            disabled={page <= 1}
            onClick={() => turn(page - 1)}
          >
            <ChevronLeft aria-hidden className="size-4" />
            {t('previous')}
          </button>
          <span className="text-xs text-white/60">{t('driving')}</span>
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40"
            disabled={page >= last}
            onClick={() => turn(page + 1)}
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

function FieldPreview({ preview, initials, height }: { preview: SignaturePreview; initials: boolean; height: number }) {
  if (preview.drawnDataUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- a local data URL preview, not a remote image
    return <img src={preview.drawnDataUrl} alt="" className="max-h-full max-w-full object-contain" data-testid="signature-in-place" />;
  }
  const text = initials ? initialsOf(preview.typed ?? '') : (preview.typed ?? '');
  return (
    <span
      className="truncate px-1 text-[#14286b]"
      style={{ fontFamily: 'var(--font-handwriting), cursive', fontSize: Math.max(10, Math.min(40, height * 0.55)) }}
      data-testid="signature-in-place"
    >
      {text}
    </span>
  );
}
