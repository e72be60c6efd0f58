'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type KeyboardEvent } from 'react';
import { DocumentPageTurner } from '@/components/live/document-page-turner';
import { DocumentToolbar, type Fit } from '@/components/live/document-toolbar';
import { FieldHighlights, highlightKey, type FieldRect, type SignaturePreview } from '@/components/live/field-highlights';
import { PageThumbnails } from '@/components/live/page-thumbnails';
import { stepZoom } from '@/components/live/reader-zoom';
import { useFieldsSeen } from '@/components/live/use-fields-seen';
import { markViewer, usePdfRevision } from '@/components/live/use-pdf-revision';
import { PdfPageCanvas } from '@/components/pdf/pdf-page-canvas';
import { useElementBox } from '@/components/pdf/use-element-box';
import type { DrawnPage } from '@/components/pdf/use-pdf-page-canvas';

export type { FieldRect, SignaturePreview } from '@/components/live/field-highlights';

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

/** Smaller than this, the stage is being laid out (or folded away): nothing worth drawing. */
const MIN_STAGE = 40;

/**
 * The shared agreement: pdf.js renders the document's newest revision, so every signature
 * appears in place as soon as its revision lands. A reader, not a thumbnail: fit to width
 * (default) or to the page, zoom, page thumbnails, and a focus mode that hands the page most
 * of the screen. The page follows whoever drives; a signatory signing sees their fields
 * highlighted — with their signature drawn in place while they review it.
 */
export function DocumentPane(props: DocumentPaneProps) {
  const {
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
    preview,
    focusMode = false,
    onToggleFocus,
  } = props;
  const t = useTranslations('live.document');
  const [attempt, setAttempt] = useState(0);
  const { loaded, failure } = usePdfRevision({ ceremonyId, documentId, revision, attempt });
  const [rendered, setRendered] = useState<DrawnPage | null>(null);
  const [fit, setFit] = useState<Fit>('width');
  const [zoom, setZoom] = useState(1);
  const [thumbnails, setThumbnails] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  // Follows the stage's size (the layout changes while someone signs, or in focus mode).
  const box = useElementBox(stageRef);

  const last = pageCount ?? loaded?.pdf.numPages ?? Number.POSITIVE_INFINITY;
  const shownPage = Math.max(1, Math.min(page, loaded?.pdf.numPages ?? page));
  // Only a drawing of this document counts (the previous document's canvas stays up until the new one is drawn).
  const visibleRendered = rendered?.documentId === documentId ? rendered : null;
  const knownOrigin = visibleRendered ? pageOrigins?.[visibleRendered.page - 1] : undefined;
  const origin: [number, number] | null = visibleRendered
    ? knownOrigin && (knownOrigin[0] !== 0 || knownOrigin[1] !== 0)
      ? knownOrigin
      : visibleRendered.pageOrigin
    : null;

  const onThisPage = visibleRendered && visibleRendered.page === shownPage ? highlights.filter((field) => field.page === visibleRendered.page) : [];
  const highlightRef = useFieldsSeen({
    documentId,
    drawing: visibleRendered,
    highlightSignature: onThisPage.map(highlightKey).join('|'),
    revealKey: props.revealKey,
    onFieldsShown: props.onFieldsShown,
  });

  const onDrawn = (drawn: DrawnPage) => {
    markViewer('drawn', drawn.documentId, drawn.revision);
    setRendered(drawn);
    props.onPageShown?.({ documentId: drawn.documentId, page: drawn.page, revision: drawn.revision });
  };

  const turn = (next: number) => {
    if (!canDrive) return;
    const target = Math.max(1, Math.min(last, next));
    if (target !== page) onPageChange(target);
  };
  const zoomBy = (direction: 1 | -1) => setZoom((current) => stepZoom(current, direction));
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
        <DocumentToolbar
          fit={fit}
          zoom={zoom}
          onFit={(next) => (setFit(next), setZoom(1))}
          onZoom={zoomBy}
          thumbnails={thumbnails}
          onToggleThumbnails={() => setThumbnails((value) => !value)}
          focusMode={focusMode}
          onToggleFocus={onToggleFocus}
        />
      </div>
      <div className="flex min-h-[180px] flex-1 gap-2">
        {thumbnails && loaded ? (
          <PageThumbnails pdf={loaded.pdf} documentId={documentId} revision={loaded.number} current={shownPage} onPick={canDrive ? turn : undefined} />
        ) : null}
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
            {/* Draw the page off screen, then swap it in at once; only what changes the picture redraws it, never a room message. */}
            <PdfPageCanvas
              request={{
                pdf: loaded?.pdf ?? null,
                documentId,
                revision: loaded?.number ?? 0,
                pageNumber: shownPage,
                fitting: box && box.width >= MIN_STAGE && box.height >= MIN_STAGE ? { box, fit, zoom, inset: 4, minScale: 0.2 } : null,
              }}
              onDrawn={onDrawn}
              role="img"
              aria-label={pageLabel}
              className={`block bg-white ${onToggleFocus && !focusMode ? 'cursor-zoom-in' : ''}`}
              data-testid="document-canvas"
              onClick={() => {
                if (!focusMode) onToggleFocus?.();
              }}
            />
            {visibleRendered && origin ? (
              <FieldHighlights fields={onThisPage} viewport={visibleRendered.viewport} origin={origin} preview={preview} highlightRef={highlightRef} />
            ) : null}
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
      <DocumentPageTurner
        page={page}
        last={last}
        pageLabel={pageLabel}
        canDrive={canDrive}
        onTurn={turn}
        fieldsNotice={onThisPage.length > 0 ? (preview ? t('previewInPlace') : t('yourFields')) : null}
      />
    </div>
  );
}
