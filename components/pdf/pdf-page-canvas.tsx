'use client';

import type { CanvasHTMLAttributes } from 'react';
import { usePdfPageCanvas, type DrawnPage, type PdfPageRequest } from '@/components/pdf/use-pdf-page-canvas';

type PdfPageCanvasProps = { request: PdfPageRequest; onDrawn?: (drawn: DrawnPage) => void } & Omit<CanvasHTMLAttributes<HTMLCanvasElement>, 'children'>;

/**
 * A canvas showing one page of a pdf.js document (see usePdfPageCanvas for when it redraws).
 * Everything else — role, label, classes, test id — is the canvas's own attribute.
 */
export function PdfPageCanvas({ request, onDrawn, ...canvasAttributes }: PdfPageCanvasProps) {
  const canvasRef = usePdfPageCanvas(request, onDrawn);
  return <canvas ref={canvasRef} {...canvasAttributes} />;
}
