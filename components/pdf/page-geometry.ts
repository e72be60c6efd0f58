import type { PageViewport } from 'pdfjs-dist';

/** The room a page is fitted into, in CSS pixels, and how. */
export interface PageFitting {
  box: { width: number; height: number };
  /** 'width': as wide as the box; 'page': the whole page inside the box. */
  fit: 'width' | 'page';
  /** Applied after fitting (1: as fitted). */
  zoom?: number;
  /** Pixels kept free across the box on each axis (a border, a shadow). */
  inset?: number;
  minScale?: number;
  maxScale?: number;
}

/** The pdf.js scale that fits a page (its size at scale 1) into the box. */
export function pageScale(page: { width: number; height: number }, fitting: PageFitting): number {
  const inset = fitting.inset ?? 0;
  const widthScale = (fitting.box.width - inset) / page.width;
  const fitScale = fitting.fit === 'width' ? widthScale : Math.min(widthScale, (fitting.box.height - inset) / page.height);
  const scaled = fitScale * (fitting.zoom ?? 1);
  return Math.min(fitting.maxScale ?? Number.POSITIVE_INFINITY, Math.max(fitting.minScale ?? 0, scaled));
}

/** A rectangle in PDF points, from the visible page box's lower-left corner. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

type ViewportPoints = Pick<PageViewport, 'convertToViewportPoint' | 'convertToPdfPoint'>;

/**
 * Where a rectangle on the page lands on the drawn canvas. `origin` is the page box's
 * lower-left corner in PDF user space (pages may not start at 0,0).
 */
export function pageRectOnScreen(viewport: ViewportPoints, origin: [number, number], rect: PageRect): ScreenRect {
  const [ax, ay] = viewport.convertToViewportPoint(origin[0] + rect.x, origin[1] + rect.y);
  const [bx, by] = viewport.convertToViewportPoint(origin[0] + rect.x + rect.width, origin[1] + rect.y + rect.height);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

/** A point on the drawn canvas (CSS pixels from its top-left corner) as PDF points from the page box's corner. */
export function screenPointOnPage(viewport: ViewportPoints, origin: [number, number], px: number, py: number): [number, number] {
  const [ux, uy] = viewport.convertToPdfPoint(px, py);
  return [ux - origin[0], uy - origin[1]];
}
