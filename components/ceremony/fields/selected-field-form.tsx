'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { FieldPlacement } from '@/lib/documents/schemas';

/** The selected field's position, size and page as numbers (PDF points), and its removal. */
export function SelectedFieldForm({
  field,
  pageCount,
  label,
  editable,
  onChange,
  onRemove,
}: {
  field: FieldPlacement;
  pageCount: number;
  label: string;
  editable: boolean;
  onChange: (field: FieldPlacement) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('schedule.fields');
  const numberInput = (name: 'x' | 'y' | 'width' | 'height') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`selected-${name}`} className="text-xs font-medium">
        {t(`coordinates.${name}`)}
      </label>
      <input
        id={`selected-${name}`}
        type="number"
        step="1"
        min="0"
        disabled={!editable}
        value={Math.round(field[name] * 100) / 100}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (Number.isFinite(value)) onChange({ ...field, [name]: value });
        }}
        className="w-full rounded-md border border-line px-2 py-1 text-sm"
      />
    </div>
  );
  return (
    <section aria-labelledby="selected-heading" className="rounded-md border border-gold/50 bg-white p-3">
      <h3 id="selected-heading" className="mb-1 font-medium">
        {t('selectedHeading')}
      </h3>
      <p className="mb-2 text-sm text-muted">{label}</p>
      <div className="grid grid-cols-2 gap-2">
        {numberInput('x')}
        {numberInput('y')}
        {numberInput('width')}
        {numberInput('height')}
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor="selected-page" className="text-xs font-medium">
            {t('coordinates.page')}
          </label>
          <select
            id="selected-page"
            disabled={!editable}
            value={field.page}
            onChange={(event) => onChange({ ...field, page: Number(event.target.value) })}
            className="rounded-md border border-line px-2 py-1 text-sm"
          >
            {Array.from({ length: pageCount }, (_, index) => (
              <option key={index} value={index + 1}>
                {t('pageNumber', { page: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">{t('unitsHint')}</p>
      <Button type="button" variant="ghost" className="mt-2 px-0 text-danger" onClick={onRemove} disabled={!editable}>
        <Trash2 aria-hidden className="h-4 w-4" />
        {t('removeField')}
      </Button>
    </section>
  );
}
