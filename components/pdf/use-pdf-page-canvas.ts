'use client';

import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import { useEffect, useRef } from 'react';
import { pageDrawQueue, type DrawPriority } from '@/components/pdf/page-draw-queue';
import { pageScale, type PageFitting } from '@/components/pdf/page-geometry';

export interface PdfPageRequest {
  /** The parsed document; null while it loads (nothing is drawn). */
  pdf: PDFDocumentProxy | null;
  documentId: string;
  /** Which revision of the document `pdf` is (0 when there is only one). */
  revision: number;
  pageNumber: number;
  /** Where the page goes; null until the room for it is known (nothing is drawn). */
  fitting: PageFitting | null;
  /**
   * 'page' (default): drawn at once, off screen, then swapped in — no blank frame between
   * revisions — and sharp on high-density screens. 'thumbnail': drawn in its turn, straight
   * into the canvas, at one pixel per CSS pixel, leaving the canvas's CSS size to its styles.
   */
  priority?: DrawPriority;
}

/** What the canvas shows now: the viewport places overlays (fields) on it. */
export interface DrawnPage {
  documentId: string;
  revision: number;
  page: number;
  viewport: PageViewport;
  /** The page box's lower-left corner in PDF user space, as pdf.js reads it. */
  pageOrigin: [number, number];
}

function isCancellation(error: unknown) {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

/**
 * Draws one page of a pdf.js document into a canvas, fitted to a box. It redraws only when
 * the picture changes — document, revision, page, box size, fit, zoom — never because the
 * component around it re-rendered (the room re-renders on every room message, and a redraw
 * costs about 100 ms on a slow machine). `onDrawn` hears of every finished drawing (to place
 * overlays with its viewport). Returns the ref for the canvas.
 */
export function usePdfPageCanvas(request: PdfPageRequest, onDrawn?: (drawn: DrawnPage) => void) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawnCallback = useRef(onDrawn);
  useEffect(() => {
    drawnCallback.current = onDrawn;
  }, [onDrawn]);

  const { pdf, documentId, revision, pageNumber, priority = 'page' } = request;
  // By value: a caller's new but equal fitting object must not redraw the page.
  const boxWidth = request.fitting?.box.width;
  const fit = request.fitting?.fit;
  // Fitted to the width, the box's height does not change the picture (and follows the page's own).
  const boxHeight = request.fitting ? (fit === 'page' ? request.fitting.box.height : 0) : undefined;
  const zoom = request.fitting?.zoom;
  const inset = request.fitting?.inset;
  const minScale = request.fitting?.minScale;
  const maxScale = request.fitting?.maxScale;

  useEffect(() => {
    if (!pdf || boxWidth === undefined || boxHeight === undefined || fit === undefined) return;
    const fitting: PageFitting = { box: { width: boxWidth, height: boxHeight }, fit, zoom, inset, minScale, maxScale };
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    const draw = async () => {
      const pdfPage = await pdf.getPage(pageNumber);
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale: pageScale(pdfPage.getViewport({ scale: 1 }), fitting) });
      const reading = priority === 'page';
      const ratio = reading ? window.devicePixelRatio || 1 : 1;
      const target = reading ? document.createElement('canvas') : canvasRef.current;
      if (!target) return;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      task = pdfPage.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      if (reading) {
        canvas.width = target.width;
        canvas.height = target.height;
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.getContext('2d')?.drawImage(target, 0, 0);
      }
      const shown: DrawnPage = { documentId, revision, page: pageNumber, viewport, pageOrigin: [pdfPage.view[0] ?? 0, pdfPage.view[1] ?? 0] };
      drawnCallback.current?.(shown);
    };
    const cancelTurn = pageDrawQueue.schedule(priority, () =>
      draw().catch((error: unknown) => {
        if (!cancelled && !isCancellation(error)) console.error('A PDF page could not be drawn', error);
      }),
    );
    return () => {
      cancelled = true;
      task?.cancel();
      cancelTurn();
    };
  }, [pdf, documentId, revision, pageNumber, priority, boxWidth, boxHeight, fit, zoom, inset, minScale, maxScale]);

  return canvasRef;
}
