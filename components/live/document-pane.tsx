'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { loadPdfJs, loadSharedPdfWorker } from '@/components/ceremony/fields/load-pdfjs';

export interface FieldRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
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
}

interface LoadedRevision {
  pdf: PDFDocumentProxy;
  number: number;
  sha256: string;
}

interface Rendered {
  page: number;
  revision: number;
  viewport: PageViewport;
  origin: [number, number];
}

type Failure = 'forbidden' | 'failed';

/** A revision message can overtake the commit's visibility to another connection for a moment; ask again, briefly. */
const STALE_RETRIES = 4;
const STALE_RETRY_MS = 250;

function screenRect(viewport: PageViewport, origin: [number, number], field: FieldRect) {
  const [ax, ay] = viewport.convertToViewportPoint(origin[0] + field.x, origin[1] + field.y);
  const [bx, by] = viewport.convertToViewportPoint(origin[0] + field.x + field.width, origin[1] + field.y + field.height);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

/**
 * The shared agreement beside the video: pdf.js renders the document's newest revision, so
 * every signature appears in place as soon as its revision lands. The page follows whoever
 * drives (page-follow); the revision is fetched again only when its SHA-256 (the ETag)
 * changes. A signatory whose turn it is sees their own empty fields highlighted.
 */
export function DocumentPane({ ceremonyId, documentId, page, canDrive, onPageChange, pageCount, title, revision, highlights = [], pageOrigins }: DocumentPaneProps) {
  const t = useTranslations('live.document');
  const [loaded, setLoaded] = useState<LoadedRevision | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const loadedRef = useRef<LoadedRevision | null>(null);

  const last = pageCount ?? loaded?.pdf.numPages ?? Number.POSITIVE_INFINITY;
  const shownPage = Math.max(1, Math.min(page, loaded?.pdf.numPages ?? page));
  // By value: the page's refetch brings equal origins in a new array, which must not redraw the page.
  const knownOrigin = pageOrigins?.[shownPage - 1];
  const originX = knownOrigin?.[0] ?? 0;
  const originY = knownOrigin?.[1] ?? 0;

  // Fetch the newest revision whenever a newer one is known (or the document changes).
  useEffect(() => {
    const controller = new AbortController();
    let retries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/documents/${encodeURIComponent(documentId)}/revision`, {
        signal: controller.signal,
        credentials: 'same-origin',
      });
      if (!response.ok) {
        setFailure(response.status === 403 ? 'forbidden' : 'failed');
        return;
      }
      const sha256 = (response.headers.get('etag') ?? '').replace(/^(W\/)?"|"$/g, '');
      const number = Number(response.headers.get('x-accord-revision') ?? -1);
      if (revision !== null && number < revision && retries < STALE_RETRIES) {
        retries += 1;
        await response.body?.cancel();
        timer = setTimeout(() => void load().catch(onError), STALE_RETRY_MS);
        return;
      }
      const current = loadedRef.current;
      if (current && current.sha256 === sha256) {
        await response.body?.cancel();
        setFailure(null);
        return;
      }
      const data = new Uint8Array(await response.arrayBuffer());
      const [pdfjs, worker] = await Promise.all([loadPdfJs(), loadSharedPdfWorker()]);
      const pdf = await pdfjs.getDocument({ data, worker }).promise;
      if (controller.signal.aborted) {
        void pdf.destroy();
        return;
      }
      const previous = loadedRef.current;
      loadedRef.current = { pdf, number, sha256 };
      setLoaded(loadedRef.current);
      setFailure(null);
      // The previous document stays on screen until the new one has drawn its page.
      if (previous && previous.pdf !== pdf) setTimeout(() => void previous.pdf.destroy(), 2000);
    };
    const onError = (error: unknown) => {
      if (!controller.signal.aborted) {
        console.error('The agreement viewer could not load the document', error);
        setFailure('failed');
      }
    };
    void load().catch(onError);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [ceremonyId, documentId, revision, attempt]);

  // A different document: forget the old one (its pages must not show under the new title).
  useEffect(() => {
    return () => {
      const previous = loadedRef.current;
      loadedRef.current = null;
      setLoaded(null);
      setRendered(null);
      if (previous) void previous.pdf.destroy();
    };
  }, [documentId]);

  // Follow the stage's size (the layout changes while someone signs).
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
  useEffect(() => {
    if (!loaded || !box || box.width < 40 || box.height < 40) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    void (async () => {
      const pdfPage = await loaded.pdf.getPage(shownPage);
      if (cancelled) return;
      const base = pdfPage.getViewport({ scale: 1 });
      const scale = Math.max(0.2, Math.min((box.width - 4) / base.width, (box.height - 4) / base.height));
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
      const origin: [number, number] = originX !== 0 || originY !== 0 ? [originX, originY] : [pdfPage.view[0] ?? 0, pdfPage.view[1] ?? 0];
      setRendered({ page: shownPage, revision: loaded.number, viewport, origin });
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) console.error('The agreement viewer could not draw the page', error);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [loaded, shownPage, box, originX, originY]);

  const turn = (next: number) => {
    if (!canDrive) return;
    const target = Math.max(1, Math.min(last, next));
    if (target !== page) onPageChange(target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!canDrive) return;
    const moves: Record<string, number> = { ArrowRight: page + 1, PageDown: page + 1, ArrowLeft: page - 1, PageUp: page - 1, Home: 1, End: last };
    const next = moves[event.key];
    if (next === undefined || !Number.isFinite(next)) return;
    event.preventDefault();
    turn(next);
  };

  const onThisPage = rendered ? highlights.filter((field) => field.page === rendered.page) : [];
  const pageLabel = pageCount ? t('pageOf', { page, count: pageCount }) : String(page);
  return (
    <div
      className="flex h-full min-h-0 flex-col gap-2"
      data-testid="document-pane"
      data-document-id={documentId}
      data-revision={rendered?.revision ?? ''}
      data-rendered-page={rendered?.page ?? ''}
    >
      {title ? <p className="truncate text-sm text-white/70">{title}</p> : null}
      <div
        ref={stageRef}
        role="region"
        aria-label={title ? `${title}, ${pageLabel}` : pageLabel}
        aria-roledescription={t('viewer')}
        aria-keyshortcuts={canDrive ? 'ArrowLeft ArrowRight PageUp PageDown Home End' : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="relative flex min-h-[240px] flex-1 items-center justify-center overflow-hidden rounded-md border border-white/10 bg-white/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
      >
        <div className="relative shadow-lg" style={rendered ? undefined : { display: 'none' }}>
          <canvas ref={canvasRef} role="img" aria-label={pageLabel} className="block bg-white" data-testid="document-canvas" />
          {rendered
            ? onThisPage.map((field, index) => {
                const rect = screenRect(rendered.viewport, rendered.origin, field);
                return (
                  <div
                    key={`${field.page}-${field.x}-${field.y}-${index}`}
                    aria-hidden
                    data-testid="my-field-highlight"
                    className="pointer-events-none absolute rounded-sm border-2 border-amber-400 bg-amber-300/25 motion-safe:animate-pulse"
                    style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
                  />
                );
              })
            : null}
        </div>
        {!rendered && !failure ? (
          <p role="status" className="text-sm text-white/60">
            {t('loading')}
          </p>
        ) : null}
        {failure ? (
          <div role="alert" className="flex flex-col items-center gap-2 p-4 text-center text-sm text-white/80">
            <p>{failure === 'forbidden' ? t('notReleased') : t('loadFailed')}</p>
            {failure === 'failed' ? (
              <button type="button" className="rounded-md border border-white/30 px-3 py-1" onClick={() => setAttempt((value) => value + 1)}>
                {t('retry')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-white/70">
        <p aria-live="polite" data-testid="document-page" data-page={page}>
          {pageLabel}
        </p>
        {onThisPage.length > 0 ? <p className="text-amber-200">{t('yourFields')}</p> : null}
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
