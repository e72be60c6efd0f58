import { describe, expect, it } from 'vitest';
import type { FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage, fieldIssues, initialsOnEveryPage } from '@/lib/documents/validate-field-placement';

const a4 = { width: 595.28, height: 841.89 };
const letterLandscape = { width: 792, height: 612 };
const pages = [a4, letterLandscape];
const people = [
  { id: 'signatory', role: 'signatory' },
  { id: 'witness', role: 'witness' },
  { id: 'delegate', role: 'delegate' },
];
const field = (overrides: Partial<FieldPlacement> = {}): FieldPlacement => ({
  participantId: 'signatory',
  kind: 'signature',
  page: 1,
  x: 72,
  y: 72,
  width: 180,
  height: 54,
  ...overrides,
});

describe('fieldIssues', () => {
  it('accepts fields inside the page box, up to its very edge', () => {
    expect(fieldIssues([field(), field({ x: a4.width - 180, y: a4.height - 54, participantId: 'witness', kind: 'witness' })], pages, people)).toEqual([]);
  });

  it('refuses a field reaching beyond the page, on a page that does not exist, or too small', () => {
    expect(fieldIssues([field({ x: a4.width - 100 })], pages, people)).toEqual([{ index: 0, problem: 'outsidePage' }]);
    expect(fieldIssues([field({ y: -1 })], pages, people)).toEqual([{ index: 0, problem: 'outsidePage' }]);
    // Fits on the landscape page 2 horizontally, but not vertically.
    expect(fieldIssues([field({ page: 2, y: 600 })], pages, people)).toEqual([{ index: 0, problem: 'outsidePage' }]);
    expect(fieldIssues([field({ page: 3 })], pages, people)).toEqual([{ index: 0, problem: 'page' }]);
    expect(fieldIssues([field({ page: 0 })], pages, people)).toEqual([{ index: 0, problem: 'page' }]);
    expect(fieldIssues([field({ width: 20, height: 10 })], pages, people)).toEqual([{ index: 0, problem: 'tooSmall' }]);
  });

  it('gives signature fields to signatories and witness fields to witnesses only', () => {
    expect(fieldIssues([field({ participantId: 'delegate' })], pages, people)).toEqual([{ index: 0, problem: 'notASignatory' }]);
    expect(fieldIssues([field({ participantId: 'witness' })], pages, people)).toEqual([{ index: 0, problem: 'notASignatory' }]);
    expect(fieldIssues([field({ participantId: 'stranger' })], pages, people)).toEqual([{ index: 0, problem: 'notASignatory' }]);
  });

  it('refuses overlapping fields on the same page but not on different pages', () => {
    expect(fieldIssues([field(), field({ x: 100, participantId: 'witness', kind: 'witness' })], pages, people)).toEqual([{ index: 1, problem: 'overlap' }]);
    expect(fieldIssues([field(), field({ page: 2 })], pages, people)).toEqual([]);
    // Touching edges do not overlap.
    expect(fieldIssues([field(), field({ x: 252 })], pages, people)).toEqual([]);
  });
});

describe('initials on every page', () => {
  it('puts one initials field at the same spot on each page, moved inside smaller pages', () => {
    const initials = initialsOnEveryPage({ participantId: 'signatory', x: 500, y: 700, width: 60, height: 30 }, pages);
    expect(initials).toEqual([
      { participantId: 'signatory', kind: 'initials', page: 1, x: 500, y: 700, width: 60, height: 30 },
      { participantId: 'signatory', kind: 'initials', page: 2, x: 500, y: 612 - 30, width: 60, height: 30 },
    ]);
    expect(fieldIssues(initials, pages, people)).toEqual([]);
  });

  it('clampToPage keeps a rectangle on the page', () => {
    expect(clampToPage({ x: -10, y: 900, width: 100, height: 50 }, a4)).toEqual({ x: 0, y: a4.height - 50, width: 100, height: 50 });
  });
});
