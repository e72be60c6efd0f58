'use client';

import type * as PdfJs from 'pdfjs-dist';

let loading: Promise<typeof PdfJs> | undefined;

/**
 * pdf.js, loaded only in the browser (it needs DOM APIs) and only once; its worker is
 * bundled as a separate asset so parsing never blocks the page.
 */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();
    return pdfjs;
  });
  return loading;
}

let sharedWorker: Promise<PdfJs.PDFWorker> | undefined;

/**
 * One pdf.js worker for every document the page opens (pass it as `getDocument({ worker })`):
 * starting a worker costs more than parsing a small PDF, and the room's viewer opens a new
 * document for every signature. Documents opened with it leave it running when destroyed.
 */
export function loadSharedPdfWorker(): Promise<PdfJs.PDFWorker> {
  sharedWorker ??= loadPdfJs().then((pdfjs) => new pdfjs.PDFWorker());
  return sharedWorker;
}
