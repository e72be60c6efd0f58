'use client';

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { loadPdfJs, loadSharedPdfWorker } from '@/components/pdf/load-pdfjs';

/** A PDF from a same-origin URL, parsed by pdf.js (in the page's one worker) once per URL; `failed` when it could not be. */
export function usePdfFile(url: string) {
  const [state, setState] = useState<{ url: string; pdf: PDFDocumentProxy | null; failed: boolean }>({ url, pdf: null, failed: false });
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadPdfJs(), loadSharedPdfWorker()])
      .then(([pdfjs, worker]) => pdfjs.getDocument({ url, withCredentials: true, worker }).promise)
      .then((pdf) => {
        if (!cancelled) setState({ url, pdf, failed: false });
      })
      .catch(() => {
        if (!cancelled) setState({ url, pdf: null, failed: true });
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return state.url === url ? { pdf: state.pdf, failed: state.failed } : { pdf: null, failed: false };
}
