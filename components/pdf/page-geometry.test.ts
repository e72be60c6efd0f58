import { describe, expect, it } from 'vitest';
import { pageRectOnScreen, pageScale, screenPointOnPage } from '@/components/pdf/page-geometry';

const letter = { width: 612, height: 792 };

/** pdf.js's viewport for an unrotated page box at `origin`: y grows downwards on screen. */
function viewport(scale: number, origin: [number, number], page = letter) {
  return {
    convertToViewportPoint: (x: number, y: number) => [(x - origin[0]) * scale, (origin[1] + page.height - y) * scale],
    convertToPdfPoint: (x: number, y: number) => [x / scale + origin[0], origin[1] + page.height - y / scale],
  };
}

describe('pageScale', () => {
  it('fits the width, less the inset', () => {
    expect(pageScale(letter, { box: { width: 616, height: 100 }, fit: 'width', inset: 4 })).toBe(1);
  });

  it('fits the whole page by the tighter side', () => {
    expect(pageScale(letter, { box: { width: 1224, height: 396 }, fit: 'page' })).toBe(0.5);
  });

  it('zooms after fitting and keeps within the bounds', () => {
    expect(pageScale(letter, { box: { width: 612, height: 792 }, fit: 'width', zoom: 1.5 })).toBe(1.5);
    expect(pageScale(letter, { box: { width: 61, height: 792 }, fit: 'width', minScale: 0.4 })).toBe(0.4);
    expect(pageScale(letter, { box: { width: 6120, height: 792 }, fit: 'width', maxScale: 2 })).toBe(2);
  });
});

describe('page and screen coordinates', () => {
  const field = { x: 72, y: 72, width: 180, height: 54 };

  it('puts a rectangle from the lower-left corner at its place on the canvas', () => {
    expect(pageRectOnScreen(viewport(2, [0, 0]), [0, 0], field)).toEqual({ left: 144, top: (792 - 126) * 2, width: 360, height: 108 });
  });

  it('honours a page box that does not start at 0,0', () => {
    const origin: [number, number] = [10, 20];
    expect(pageRectOnScreen(viewport(1, origin), origin, field)).toEqual(pageRectOnScreen(viewport(1, [0, 0]), [0, 0], field));
  });

  it('turns a canvas point back into page points', () => {
    const origin: [number, number] = [10, 20];
    const rect = pageRectOnScreen(viewport(1.5, origin), origin, field);
    const [x, y] = screenPointOnPage(viewport(1.5, origin), origin, rect.left, rect.top + rect.height);
    expect(x).toBeCloseTo(field.x);
    expect(y).toBeCloseTo(field.y);
  });
});
