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
