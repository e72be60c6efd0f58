import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';

/**
 * Checks signature, initials and witness fields against the pages they sit on (PDF
 * points, origin at the lower-left corner of the visible page box) and against who may
 * hold them. Pure; used by the editor while dragging and by the use-case before saving.
 */

export interface PageBox {
  width: number;
  height: number;
}

const fieldSizeLimits: Record<FieldKind, { minWidth: number; minHeight: number }> = {
  signature: { minWidth: 72, minHeight: 24 },
  witness: { minWidth: 72, minHeight: 24 },
  initials: { minWidth: 24, minHeight: 14 },
};

/** Which role may hold which kind of field. */
const kindsForRole: Record<string, FieldKind[]> = {
  signatory: ['signature', 'initials'],
  witness: ['witness', 'initials'],
};

export type FieldProblem = 'page' | 'outsidePage' | 'tooSmall' | 'notASignatory' | 'overlap';

export interface FieldIssue {
  index: number;
  problem: FieldProblem;
}

const EPSILON = 0.01;

export function fieldIssues(fields: FieldPlacement[], pages: PageBox[], participants: { id: string; role: string }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const roleOf = new Map(participants.map((participant) => [participant.id, participant.role]));
  fields.forEach((field, index) => {
    const page = pages[field.page - 1];
    if (!Number.isInteger(field.page) || !page) {
      issues.push({ index, problem: 'page' });
      return;
    }
    const limits = fieldSizeLimits[field.kind];
    if (field.width < limits.minWidth - EPSILON || field.height < limits.minHeight - EPSILON) {
      issues.push({ index, problem: 'tooSmall' });
    } else if (field.x < -EPSILON || field.y < -EPSILON || field.x + field.width > page.width + EPSILON || field.y + field.height > page.height + EPSILON) {
      issues.push({ index, problem: 'outsidePage' });
    }
    const role = roleOf.get(field.participantId);
    if (!role || !(kindsForRole[role] ?? []).includes(field.kind)) issues.push({ index, problem: 'notASignatory' });
  });
  for (let a = 0; a < fields.length; a += 1) {
    for (let b = a + 1; b < fields.length; b += 1) {
      const first = fields[a]!;
      const second = fields[b]!;
      if (first.page !== second.page) continue;
      const overlaps =
        first.x < second.x + second.width - EPSILON &&
        second.x < first.x + first.width - EPSILON &&
        first.y < second.y + second.height - EPSILON &&
        second.y < first.y + first.height - EPSILON;
      if (overlaps) issues.push({ index: b, problem: 'overlap' });
    }
  }
  return issues;
}

/** Moves and shrinks a rectangle so it lies on the page (for dragging and for "initials on every page"). */
export function clampToPage<T extends { x: number; y: number; width: number; height: number }>(field: T, page: PageBox): T {
  const width = Math.min(field.width, page.width);
  const height = Math.min(field.height, page.height);
  return {
    ...field,
    width,
    height,
    x: Math.min(Math.max(0, field.x), page.width - width),
    y: Math.min(Math.max(0, field.y), page.height - height),
  };
}

/** "Initials on every page": one initials field per page at the same spot (clamped to each page). */
export function initialsOnEveryPage(
  template: { participantId: string; x: number; y: number; width: number; height: number },
  pages: PageBox[],
): FieldPlacement[] {
  return pages.map((page, index) => clampToPage({ ...template, kind: 'initials' as const, page: index + 1 }, page));
}

export function parsePageSizes(json: string): (PageBox & { originX: number; originY: number; rotate: number })[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.map((page: { width?: unknown; height?: unknown; originX?: unknown; originY?: unknown; rotate?: unknown }) => ({
      width: Number(page.width),
      height: Number(page.height),
      originX: Number(page.originX ?? 0),
      originY: Number(page.originY ?? 0),
      rotate: Number(page.rotate ?? 0),
    }));
  } catch {
    return [];
  }
}
