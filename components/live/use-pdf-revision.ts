'use client';

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { loadPdfJs, loadSharedPdfWorker } from '@/components/pdf/load-pdfjs';

export interface LoadedRevision {
  pdf: PDFDocumentProxy;
  number: number;
  sha256: string;
}

export type RevisionFailure = 'forbidden' | 'failed';

/** A revision message can overtake the commit's visibility to another connection for a moment; ask again, briefly. */
const STALE_RETRIES = 4;
const STALE_RETRY_MS = 250;
/** Parsed documents kept for the page's lifetime (one per original is typical: 3 languages × 2 parties). */
const CACHE_LIMIT = 8;

/**
 * Parsed revisions by document, for the page's lifetime: the room re-mounts its viewer when
 * the layout changes (signing opens, the connection drops and returns, focus mode), and a
 * re-mount must show the page at once instead of fetching and parsing the revision again —
 * on a slow laptop that was seconds of "loading the agreement".
 */
const parsedRevisions = new Map<string, LoadedRevision>();

function cacheKey(ceremonyId: string, documentId: string) {
  return `${ceremonyId}/${documentId}`;
}

function remember(key: string, loaded: LoadedRevision) {
  const previous = parsedRevisions.get(key);
  parsedRevisions.delete(key);
  parsedRevisions.set(key, loaded);
  // The previous revision may still be on screen until the new one has drawn: let it go a moment later.
  if (previous && previous.pdf !== loaded.pdf) setTimeout(() => void previous.pdf.destroy(), 2000);
  while (parsedRevisions.size > CACHE_LIMIT) {
    const [oldestKey, oldest] = parsedRevisions.entries().next().value as [string, LoadedRevision];
    parsedRevisions.delete(oldestKey);
    setTimeout(() => void oldest.pdf.destroy(), 2000);
  }
}

/**
 * Timeline marks of the viewer's path to a new revision (`accord.viewer.<phase>.<documentId>.<revision>`:
 * known, fetched, parsed, drawn): the P8 bench reads them to say where the time goes.
 */
export function markViewer(phase: 'known' | 'fetched' | 'parsed' | 'drawn', documentId: string, revision: number | null) {
  if (revision === null || typeof performance === 'undefined') return;
  performance.mark(`accord.viewer.${phase}.${documentId}.${revision}`);
}

/** Start pdf.js and its worker early (room entry), so the first page does not wait for them. */
export function warmUpPdfViewer(): void {
  void loadSharedPdfWorker().catch(() => undefined);
}

type LoadOutcome = { loaded: LoadedRevision } | { failure: RevisionFailure };

/**
 * Loads in flight, shared by every viewer of the page: the room mounts a viewer while the
 * call connects and another once it has (and again on layout changes); the second one joins
 * the first one's fetch and parse instead of aborting and repeating it — on a slow machine
 * that repetition was most of the wait for the first page.
 */
const loadsInFlight = new Map<string, Promise<LoadOutcome>>();

function loadNewest(ceremonyId: string, documentId: string, revision: number | null, attempt: number): Promise<LoadOutcome> {
  const key = cacheKey(ceremonyId, documentId);
  const flightKey = `${key}@${revision ?? 'any'}#${attempt}`;
  const running = loadsInFlight.get(flightKey);
  if (running) return running;
  const load = async (retries: number): Promise<LoadOutcome> => {
    const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/documents/${encodeURIComponent(documentId)}/revision`, {
      credentials: 'same-origin',
    });
    if (!response.ok) return { failure: response.status === 403 ? 'forbidden' : 'failed' };
    const sha256 = (response.headers.get('etag') ?? '').replace(/^(W\/)?"|"$/g, '');
    const number = Number(response.headers.get('x-accord-revision') ?? -1);
    if (revision !== null && number < revision && retries < STALE_RETRIES) {
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, STALE_RETRY_MS));
      return load(retries + 1);
    }
    const known = parsedRevisions.get(key);
    if (known && (known.sha256 === sha256 || known.number > number)) {
      await response.body?.cancel();
      return { loaded: known };
    }
    const data = new Uint8Array(await response.arrayBuffer());
    markViewer('fetched', documentId, number);
    const [pdfjs, worker] = await Promise.all([loadPdfJs(), loadSharedPdfWorker()]);
    const pdf = await pdfjs.getDocument({ data, worker }).promise;
    markViewer('parsed', documentId, number);
    const newest = parsedRevisions.get(key);
    // A newer revision landed meanwhile (another load overtook this one): keep that.
    if (newest && newest.number > number) {
      void pdf.destroy();
      return { loaded: newest };
    }
    const loaded = { pdf, number, sha256 };
    remember(key, loaded);
    return { loaded };
  };
  const flight = load(0).finally(() => loadsInFlight.delete(flightKey));
  loadsInFlight.set(flightKey, flight);
  return flight;
}

/**
 * The newest revision of one document, parsed by pdf.js: fetched again only when a newer
 * revision is known (`revision`) and its SHA-256 (the ETag) differs from what is loaded.
 */
export function usePdfRevision({
  ceremonyId,
  documentId,
  revision,
  attempt,
}: {
  ceremonyId: string;
  documentId: string;
  revision: number | null;
  attempt: number;
}) {
  const key = cacheKey(ceremonyId, documentId);
  const [state, setState] = useState<{ key: string; loaded: LoadedRevision | null; failure: RevisionFailure | null }>(() => ({
    key,
    loaded: parsedRevisions.get(key) ?? null,
    failure: null,
  }));
  // Another document: show its cached revision at once (never the old document's pages under the new title).
  const current = state.key === key ? state : { key, loaded: parsedRevisions.get(key) ?? null, failure: null };
  if (current !== state) setState(current);

  useEffect(() => {
    const cached = parsedRevisions.get(key);
    // Already showing what is known to be newest: nothing to fetch.
    if (cached && revision !== null && cached.number >= revision && attempt === 0) return;
    markViewer('known', documentId, revision);
    let cancelled = false;
    loadNewest(ceremonyId, documentId, revision, attempt).then(
      (outcome) => {
        if (cancelled) return;
        if ('loaded' in outcome) setState({ key, loaded: outcome.loaded, failure: null });
        else setState({ key, loaded: parsedRevisions.get(key) ?? null, failure: outcome.failure });
      },
      (error: unknown) => {
        if (cancelled) return;
        console.error('The agreement viewer could not load the document', error);
        setState({ key, loaded: parsedRevisions.get(key) ?? null, failure: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ceremonyId, documentId, key, revision, attempt]);

  return { loaded: current.loaded, failure: current.failure };
}
