'use client';

import type { FieldGestures } from '@/components/ceremony/fields/use-field-gestures';
import type { ScreenRect } from '@/components/pdf/page-geometry';
import type { FieldPlacement } from '@/lib/documents/schemas';

/**
 * One field on the page stage: a button-like box in its holder's colour (red-bordered when
 * it has a problem), focusable, moved by dragging, resized by its corner.
 */
export function PlacedField({
  field,
  index,
  rect,
  label,
  colour,
  hasProblem,
  selected,
  editable,
  gestures,
  elementRef,
  onFocus,
}: {
  field: FieldPlacement;
  index: number;
  rect: ScreenRect;
  label: string;
  colour: string;
  hasProblem: boolean;
  selected: boolean;
  editable: boolean;
  gestures: FieldGestures;
  elementRef: (element: HTMLDivElement | null) => void;
  onFocus: () => void;
}) {
  return (
    <div
      ref={elementRef}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
      aria-describedby="field-keyboard-help"
      data-testid={`field-${field.kind}-${field.participantId}`}
      onFocus={onFocus}
      onKeyDown={(event) => gestures.onFieldKey(event, index)}
      onPointerDown={(event) => gestures.onPointerDown(event, index, 'move')}
      onPointerMove={gestures.onPointerMove}
      onPointerUp={gestures.onPointerUp}
      className={`absolute flex touch-none select-none items-end overflow-hidden rounded-sm border-2 px-1 text-[11px] leading-tight ${editable ? 'cursor-move' : ''} ${selected ? 'ring-2 ring-gold ring-offset-1' : ''}`}
      style={{
        left: rect.left,
        top: rect.top,
        width: rect.width,
        height: rect.height,
        borderColor: hasProblem ? 'var(--color-danger)' : colour,
        background: `color-mix(in srgb, ${colour} 14%, transparent)`,
        color: colour,
      }}
    >
      <span className="truncate font-medium">{label}</span>
      {editable ? (
        <span
          aria-hidden
          onPointerDown={(event) => gestures.onPointerDown(event, index, 'resize')}
          onPointerMove={gestures.onPointerMove}
          onPointerUp={gestures.onPointerUp}
          className="absolute bottom-0 right-0 h-3 w-3 cursor-se-resize"
          style={{ background: colour }}
        />
      ) : null}
    </div>
  );
}
