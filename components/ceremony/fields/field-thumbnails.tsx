'use client';

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PdfPageCanvas } from '@/components/pdf/pdf-page-canvas';
import type { FieldPlacement } from '@/lib/documents/schemas';

const THUMBNAIL_WIDTH = 110;
/** Pages drawn as thumbnails at most: beyond that a page is still picked by its number. */
const DRAWN_PAGES_LIMIT = 200;

/** Every page as a small picture with the number of fields on it; picking one shows it on the stage. */
export function FieldThumbnails({
  pdf,
  documentId,
  pageCount,
  current,
  onSelect,
  fields,
  label,
}: {
  pdf: PDFDocumentProxy | null;
  documentId: string;
  pageCount: number;
  current: number;
  onSelect: (page: number) => void;
  fields: FieldPlacement[];
  label: (page: number) => string;
}) {
  return (
    <ol className="flex gap-2 overflow-x-auto lg:max-h-[80vh] lg:flex-col lg:overflow-y-auto">
      {Array.from({ length: pageCount }, (_, index) => {
        const number = index + 1;
        const count = fields.filter((field) => field.page === number).length;
        return (
          <li key={number}>
            <button
              type="button"
              onClick={() => onSelect(number)}
              aria-current={current === number ? 'page' : undefined}
              aria-label={label(number)}
              className={`relative flex w-28 flex-col items-center rounded border bg-white p-1 text-xs ${current === number ? 'border-navy ring-2 ring-navy/30' : 'border-line'}`}
            >
              <PdfPageCanvas
                request={{
                  pdf: number <= DRAWN_PAGES_LIMIT ? pdf : null,
                  documentId,
                  revision: 0,
                  pageNumber: number,
                  fitting: { box: { width: THUMBNAIL_WIDTH, height: 0 }, fit: 'width' },
                  priority: 'thumbnail',
                }}
                aria-hidden
                className="w-full"
              />
              <span aria-hidden>{number}</span>
              {count > 0 ? (
                <span aria-hidden className="absolute right-1 top-1 rounded-full bg-navy px-1.5 text-[10px] text-white">
                  {count}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
