'use client';

import { useTranslations } from 'next-intl';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useRef, type RefObject } from 'react';
import { FALLBACK_COLOUR } from '@/components/ceremony/fields/holder-colours';
import { PlacedField } from '@/components/ceremony/fields/placed-field';
import type { FieldGestures } from '@/components/ceremony/fields/use-field-gestures';
import type { FieldPlacements } from '@/components/ceremony/fields/use-field-placements';
import { pageRectOnScreen } from '@/components/pdf/page-geometry';
import { PdfPageCanvas } from '@/components/pdf/pdf-page-canvas';
import { useElementBox } from '@/components/pdf/use-element-box';
import type { DrawnPage } from '@/components/pdf/use-pdf-page-canvas';
import type { FieldPlacement } from '@/lib/documents/schemas';

/**
 * The page being edited, as wide as the column allows (40 % to 200 % of its size), with the
 * fields placed on it drawn over it.
 */
export function FieldPageStage({
  pdf,
  documentId,
  pageNumber,
  drawn,
  onDrawn,
  placements,
  gestures,
  editable,
  colourOf,
  fieldLabel,
  stageRef,
  fieldElements,
}: {
  pdf: PDFDocumentProxy | null;
  documentId: string;
  pageNumber: number;
  drawn: DrawnPage | null;
  onDrawn: (drawn: DrawnPage) => void;
  placements: FieldPlacements;
  gestures: FieldGestures;
  editable: boolean;
  colourOf: Map<string, string>;
  fieldLabel: (field: FieldPlacement) => string;
  stageRef: RefObject<HTMLDivElement | null>;
  /** The placed fields' elements by index (to focus a new one). */
  fieldElements: RefObject<Map<number, HTMLDivElement>>;
}) {
  const t = useTranslations('schedule.fields');
  const frameRef = useRef<HTMLDivElement>(null);
  const box = useElementBox(frameRef);
  const { fields, selected, setSelected, issues, serverIssues } = placements;
  return (
    <div ref={frameRef} className="overflow-auto rounded-md border border-line bg-ink/5 p-1">
      <div
        ref={stageRef}
        className="relative mx-auto w-fit bg-white shadow"
        onDragOver={gestures.onDragOver}
        onDrop={gestures.onDrop}
        onPointerDown={() => setSelected(null)}
        tabIndex={-1}
        data-testid="page-stage"
      >
        <PdfPageCanvas
          request={{ pdf, documentId, revision: 0, pageNumber, fitting: box ? { box, fit: 'width', minScale: 0.4, maxScale: 2 } : null }}
          onDrawn={onDrawn}
          aria-hidden
          className="block"
        />
        {!drawn ? <p className="p-8 text-muted">{t('loading')}</p> : null}
        {drawn
          ? fields.map((field, index) =>
              field.page === pageNumber ? (
                <PlacedField
                  key={index}
                  field={field}
                  index={index}
                  rect={pageRectOnScreen(drawn.viewport, drawn.pageOrigin, field)}
                  label={fieldLabel(field)}
                  colour={colourOf.get(field.participantId) ?? FALLBACK_COLOUR}
                  hasProblem={Boolean(issues.get(index) ?? serverIssues[index])}
                  selected={selected === index}
                  editable={editable}
                  gestures={gestures}
                  elementRef={(element) => {
                    if (element) fieldElements.current.set(index, element);
                    else fieldElements.current.delete(index);
                  }}
                  onFocus={() => setSelected(index)}
                />
              ) : null,
            )
          : null}
      </div>
    </div>
  );
}
