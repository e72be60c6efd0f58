'use client';

import { pageRectOnScreen } from '@/components/pdf/page-geometry';
import type { PageViewport } from 'pdfjs-dist';
import { initialsOf } from '@/components/live/signature-initials';

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

/** A highlight's identity on the page: its field name, or where it is. */
export function highlightKey(field: FieldRect, index: number): string {
  return field.fieldName ?? `${field.page}-${field.x}-${field.y}-${index}`;
}

/**
 * The signer's own fields over the drawn page: pulsing while they sign, with their signature
 * drawn in place while they review it. Each is registered by key (to watch whether it is seen).
 */
export function FieldHighlights({
  fields,
  viewport,
  origin,
  preview,
  highlightRef,
}: {
  fields: FieldRect[];
  viewport: PageViewport;
  origin: [number, number];
  preview?: SignaturePreview | null;
  highlightRef: (key: string) => (element: HTMLDivElement | null) => void;
}) {
  return fields.map((field, index) => {
    const rect = pageRectOnScreen(viewport, origin, field);
    const key = highlightKey(field, index);
    return (
      <div
        key={key}
        ref={highlightRef(key)}
        aria-hidden
        data-testid="my-field-highlight"
        data-field-name={field.fieldName ?? ''}
        className={`pointer-events-none absolute flex scroll-mt-4 items-center justify-center overflow-hidden rounded-sm border-2 border-amber-400 max-lg:scroll-mb-[52vh] ${preview ? 'bg-white/70' : 'bg-amber-300/25 motion-safe:animate-pulse'}`}
        style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
      >
        {preview ? <FieldPreview preview={preview} initials={field.kind === 'initials'} height={rect.height} /> : null}
      </div>
    );
  });
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
