'use client';

import { useRef, type DragEvent, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { nudge } from '@/components/ceremony/fields/field-geometry';
import type { FieldPlacements } from '@/components/ceremony/fields/use-field-placements';
import { screenPointOnPage } from '@/components/pdf/page-geometry';
import type { DrawnPage } from '@/components/pdf/use-pdf-page-canvas';
import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage } from '@/lib/documents/validate-field-placement';

/** The drag payload of a holder's "add field" button: `{ participantId, kind }`. */
export const FIELD_DRAG_TYPE = 'application/x-accord-field';

interface Gesture {
  index: number;
  mode: 'move' | 'resize';
  start: [number, number];
  field: FieldPlacement;
}

/**
 * Pointer and keyboard editing on the page stage: drop a holder's field onto the page, drag
 * a field to move it or its corner to resize it, arrows move, Shift+arrows resize, Delete
 * removes, Escape deselects. Screen points become PDF points through the drawn viewport.
 */
export function useFieldGestures({
  placements,
  drawn,
  stageRef,
  editable,
  onPlace,
}: {
  placements: FieldPlacements;
  drawn: DrawnPage | null;
  stageRef: RefObject<HTMLDivElement | null>;
  editable: boolean;
  /** Adds a field where it was dropped. */
  onPlace: (participantId: string, kind: FieldKind, at: { x: number; y: number }) => void;
}) {
  const gesture = useRef<Gesture | null>(null);
  const { fields, pageBox, replace, remove, setSelected } = placements;

  const pointOnPage = (clientX: number, clientY: number): [number, number] | null => {
    if (!drawn || !stageRef.current) return null;
    const bounds = stageRef.current.getBoundingClientRect();
    return screenPointOnPage(drawn.viewport, drawn.pageOrigin, clientX - bounds.left, clientY - bounds.top);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (editable && event.dataTransfer.types.includes(FIELD_DRAG_TYPE)) event.preventDefault();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const data = event.dataTransfer.getData(FIELD_DRAG_TYPE);
    const point = pointOnPage(event.clientX, event.clientY);
    if (!data || !point) return;
    const { participantId, kind } = JSON.parse(data) as { participantId: string; kind: FieldKind };
    onPlace(participantId, kind, { x: point[0], y: point[1] });
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, index: number, mode: 'move' | 'resize') => {
    if (!editable) return;
    const start = pointOnPage(event.clientX, event.clientY);
    if (!start) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    gesture.current = { index, mode, start, field: fields[index]! };
    setSelected(index);
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const active = gesture.current;
    if (!active) return;
    const point = pointOnPage(event.clientX, event.clientY);
    if (!point) return;
    const dx = point[0] - active.start[0];
    const dy = point[1] - active.start[1];
    const page = pageBox(active.field.page);
    if (active.mode === 'move') {
      replace(active.index, clampToPage({ ...active.field, x: active.field.x + dx, y: active.field.y + dy }, page));
    } else {
      const top = active.field.y + active.field.height;
      const width = Math.max(12, Math.min(page.width - active.field.x, active.field.width + dx));
      const bottom = Math.max(0, Math.min(top - 8, active.field.y + dy));
      replace(active.index, { ...active.field, width, y: bottom, height: top - bottom });
    }
  };

  const onPointerUp = () => {
    gesture.current = null;
  };

  const onFieldKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (!editable) return;
    const field = fields[index]!;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
      stageRef.current?.focus();
      return;
    }
    if (event.key === 'Escape') {
      setSelected(null);
      return;
    }
    const moved = nudge(field, event.key, event.shiftKey, event.altKey, pageBox(field.page));
    if (moved) {
      event.preventDefault();
      replace(index, moved);
    }
  };

  return { onDragOver, onDrop, onPointerDown, onPointerMove, onPointerUp, onFieldKey };
}

export type FieldGestures = ReturnType<typeof useFieldGestures>;
