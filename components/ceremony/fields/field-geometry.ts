import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage, type PageBox } from '@/lib/documents/validate-field-placement';

/** Default sizes in points: a signature line, a pair of initials. */
export const defaultFieldSize: Record<FieldKind, { width: number; height: number }> = {
  signature: { width: 180, height: 54 },
  witness: { width: 180, height: 54 },
  initials: { width: 60, height: 30 },
};

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A free spot for a new field on a page: rows from the bottom margin up, left to right. */
export function findFreeSpot(page: PageBox, existing: FieldPlacement[], size: { width: number; height: number }, pageNumber: number) {
  const margin = 72;
  const gap = 12;
  const onPage = existing.filter((field) => field.page === pageNumber);
  for (let y = margin; y + size.height <= page.height - margin; y += size.height + gap) {
    for (let x = margin; x + size.width <= page.width - margin; x += size.width + gap) {
      const candidate = { x, y, ...size };
      if (!onPage.some((field) => overlaps(field, candidate))) return candidate;
    }
  }
  return clampToPage({ x: margin, y: margin, ...size }, page);
}

/** Keyboard editing: arrows move, shift+arrows resize (points per press; ten with Alt). */
export function nudge(field: FieldPlacement, key: string, shift: boolean, alt: boolean, page: PageBox): FieldPlacement | null {
  const step = alt ? 10 : 2;
  const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const move = delta[key];
  if (!move) return null;
  if (shift) {
    const width = Math.max(12, Math.min(page.width - field.x, field.width + move[0]));
    const height = Math.max(8, Math.min(page.height - field.y, field.height + move[1]));
    return { ...field, width, height };
  }
  return clampToPage({ ...field, x: field.x + move[0], y: field.y + move[1] }, page);
}
