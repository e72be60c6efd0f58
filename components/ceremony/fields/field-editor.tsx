'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import { FieldHoldersPalette } from '@/components/ceremony/fields/field-holders-palette';
import { FieldPageStage } from '@/components/ceremony/fields/field-page-stage';
import { FieldStatus } from '@/components/ceremony/fields/field-status';
import { FieldThumbnails } from '@/components/ceremony/fields/field-thumbnails';
import { holderColours } from '@/components/ceremony/fields/holder-colours';
import { SelectedFieldForm } from '@/components/ceremony/fields/selected-field-form';
import { useFieldGestures } from '@/components/ceremony/fields/use-field-gestures';
import { useFieldPlacements, type FieldHolder } from '@/components/ceremony/fields/use-field-placements';
import type { DrawnPage } from '@/components/pdf/use-pdf-page-canvas';
import { usePdfFile } from '@/components/pdf/use-pdf-file';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage, type PageBox } from '@/lib/documents/validate-field-placement';

export type { FieldHolder } from '@/components/ceremony/fields/use-field-placements';

interface EditorProps {
  ceremonyId: string;
  document: { id: string; title: string; pages: PageBox[] };
  initialFields: FieldPlacement[];
  holders: FieldHolder[];
  editable: boolean;
}

/**
 * The field placement screen: pdf.js renders the agreement's pages; the organiser drags
 * a signature (or witness, or initials) field onto a page for each holder, moves and
 * resizes it with the pointer or the keyboard (arrows move, Shift+arrows resize, Delete
 * removes), or types its position. Coordinates are PDF points from the page's lower-left
 * corner; every change is checked against the page box as the server will check it.
 */
export function FieldEditor({ ceremonyId, document, initialFields, holders, editable }: EditorProps) {
  const t = useTranslations('schedule.fields');
  const tKinds = useTranslations('schedule.fields.kinds');
  const [pageNumber, setPageNumber] = useState(1);
  const [drawn, setDrawn] = useState<DrawnPage | null>(null);
  const { pdf, failed: loadError } = usePdfFile(`/api/ceremonies/${ceremonyId}/documents/${document.id}/file`);
  const stageRef = useRef<HTMLDivElement>(null);
  const fieldElements = useRef(new Map<number, HTMLDivElement>());
  const pages = document.pages;
  const placements = useFieldPlacements({ ceremonyId, documentId: document.id, pages, holders, initialFields, pageNumber });
  const { fields, selected, pageBox } = placements;

  const colourOf = useMemo(() => holderColours(holders), [holders]);
  const holderOf = useMemo(() => new Map(holders.map((holder) => [holder.participantId, holder])), [holders]);
  const fieldLabel = (field: FieldPlacement) =>
    t('fieldLabel', { kind: tKinds(field.kind), name: holderOf.get(field.participantId)?.name ?? '?', page: field.page });

  // A new field takes the keyboard focus once it is on the page (arrows move it at once).
  const place = (participantId: string, kind: FieldKind, at?: { x: number; y: number }) => {
    const index = placements.add(participantId, kind, at);
    requestAnimationFrame(() => fieldElements.current.get(index)?.focus());
  };
  const gestures = useFieldGestures({ placements, drawn, stageRef, editable, onPlace: place });
  const selectedField = selected !== null ? fields[selected] : undefined;

  return (
    <div className="grid gap-4 lg:grid-cols-[9rem_1fr_18rem]">
      <nav aria-label={t('thumbnails')} className="order-2 lg:order-1">
        <FieldThumbnails
          pdf={pdf}
          documentId={document.id}
          pageCount={pages.length}
          current={pageNumber}
          onSelect={setPageNumber}
          fields={fields}
          label={(page) => t('pageNumber', { page })}
        />
      </nav>

      <section aria-label={t('pageView', { page: pageNumber, count: pages.length })} className="order-1 min-w-0 lg:order-2">
        <div className="mb-2 flex items-center justify-between gap-2 text-sm">
          <Button type="button" variant="secondary" className="px-3 py-1" disabled={pageNumber <= 1} onClick={() => setPageNumber(pageNumber - 1)}>
            {t('previousPage')}
          </Button>
          <span aria-live="polite">{t('pageOf', { page: pageNumber, count: pages.length })}</span>
          <Button type="button" variant="secondary" className="px-3 py-1" disabled={pageNumber >= pages.length} onClick={() => setPageNumber(pageNumber + 1)}>
            {t('nextPage')}
          </Button>
        </div>
        {loadError ? <FormAlert tone="error">{t('loadFailed')}</FormAlert> : null}
        <FieldPageStage
          pdf={pdf}
          documentId={document.id}
          pageNumber={pageNumber}
          drawn={drawn}
          onDrawn={setDrawn}
          placements={placements}
          gestures={gestures}
          editable={editable}
          colourOf={colourOf}
          fieldLabel={fieldLabel}
          stageRef={stageRef}
          fieldElements={fieldElements}
        />
        <p id="field-keyboard-help" className="mt-2 text-sm text-muted">
          {t('keyboardHelp')}
        </p>
      </section>

      <aside className="order-3 flex flex-col gap-4" aria-label={t('toolsLabel')}>
        <FieldHoldersPalette holders={holders} colourOf={colourOf} editable={editable} pageReady={drawn !== null} placements={placements} onAdd={place} />

        {selectedField && selected !== null ? (
          <SelectedFieldForm
            key={selected}
            field={selectedField}
            pageCount={pages.length}
            label={fieldLabel(selectedField)}
            editable={editable}
            onChange={(field) => placements.replace(selected, clampToPage(field, pageBox(field.page)))}
            onRemove={() => placements.remove(selected)}
          />
        ) : (
          <p className="text-sm text-muted">{t('selectHint')}</p>
        )}

        <FieldStatus holders={holders} placements={placements} editable={editable} fieldLabel={fieldLabel} />
      </aside>
    </div>
  );
}
