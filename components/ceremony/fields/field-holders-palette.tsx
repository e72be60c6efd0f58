'use client';

import { useTranslations } from 'next-intl';
import { FIELD_DRAG_TYPE } from '@/components/ceremony/fields/use-field-gestures';
import type { FieldHolder, FieldPlacements } from '@/components/ceremony/fields/use-field-placements';
import type { FieldKind } from '@/lib/documents/schemas';

/**
 * Who holds fields on this document: each holder's "add field" button (click to place it in
 * a free spot, or drag it onto the page) and, for signatories, initials on every page.
 */
export function FieldHoldersPalette({
  holders,
  colourOf,
  editable,
  pageReady,
  placements,
  onAdd,
}: {
  holders: FieldHolder[];
  colourOf: Map<string, string>;
  editable: boolean;
  /** The page is drawn: a field can be placed on it. */
  pageReady: boolean;
  placements: FieldPlacements;
  onAdd: (participantId: string, kind: FieldKind) => void;
}) {
  const t = useTranslations('schedule.fields');
  const tKinds = useTranslations('schedule.fields.kinds');
  return (
    <section aria-labelledby="holders-heading" className="rounded-md border border-line bg-white p-3">
      <h3 id="holders-heading" className="mb-2 font-medium">
        {t('holdersHeading')}
      </h3>
      {holders.length === 0 ? <p className="text-sm text-muted">{t('noHolders')}</p> : null}
      <ul className="flex flex-col gap-3">
        {holders.map((holder) => {
          const kind: FieldKind = holder.role === 'witness' ? 'witness' : 'signature';
          const colour = colourOf.get(holder.participantId);
          return (
            <li key={holder.participantId} className="flex flex-col gap-1 border-l-4 pl-2" style={{ borderColor: colour }}>
              <span className="text-sm font-medium">{holder.name}</span>
              <span className="text-xs text-muted">{t('holderRole', { role: tKinds(kind), delegation: holder.delegationName })}</span>
              <button
                type="button"
                draggable={editable}
                disabled={!editable || !pageReady}
                onDragStart={(event) => event.dataTransfer.setData(FIELD_DRAG_TYPE, JSON.stringify({ participantId: holder.participantId, kind }))}
                onClick={() => onAdd(holder.participantId, kind)}
                className="rounded-md border border-dashed px-2 py-1 text-left text-sm disabled:opacity-50"
                style={{ borderColor: colour, color: colour }}
                data-testid={`add-${kind}-${holder.participantId}`}
              >
                {t('addField', { kind: tKinds(kind) })}
              </button>
              {holder.role === 'signatory' ? (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-navy"
                    checked={placements.hasInitialsEverywhere(holder.participantId)}
                    disabled={!editable}
                    onChange={(event) => placements.toggleInitials(holder.participantId, event.target.checked)}
                  />
                  {t('initialsEveryPage')}
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
