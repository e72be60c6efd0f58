import { describe, expect, it } from 'vitest';
import { alignColumns, displayWidth, padEndToWidth } from './display-width';

describe('displayWidth', () => {
  it('counts a column for each Latin letter, accented or not', () => {
    expect(displayWidth('Dr. Anna Müller')).toBe(15);
    expect(displayWidth('Mu\u0308ller')).toBe(6); // u + combining diaeresis
  });

  it('counts two columns for each Hangul syllable and CJK ideograph', () => {
    expect(displayWidth('김민준')).toBe(6);
    expect(displayWidth('대한민국 外交部')).toBe(15);
    expect(displayWidth('ＡＢ')).toBe(4); // fullwidth forms
  });

  it('counts a syllable spelled in conjoining Jamo as one wide character', () => {
    const decomposed = '한'.normalize('NFD');
    expect(decomposed.length).toBe(3);
    expect(displayWidth(decomposed)).toBe(2);
  });

  it('counts nothing for zero-width and control characters', () => {
    expect(displayWidth('a\u200bb\u0007')).toBe(2);
  });
});

describe('padEndToWidth and alignColumns', () => {
  it('pads to terminal columns, not UTF-16 units', () => {
    expect(padEndToWidth('김민준', 8)).toBe('김민준  ');
    expect(padEndToWidth('Anna', 8)).toBe('Anna    ');
    expect(padEndToWidth('too wide', 3)).toBe('too wide');
  });

  it('lines up a table of mixed Korean and Latin names', () => {
    const lines = alignColumns([
      ['Dr. Anna Müller', 'organiser', 'http://a'],
      ['김민준 대사', 'signatory', 'http://b'],
    ]);
    expect(lines).toEqual(['Dr. Anna Müller  organiser  http://a', '김민준 대사      signatory  http://b']);
    const linkColumn = lines.map((line) => displayWidth(line.slice(0, line.indexOf('http'))));
    expect(new Set(linkColumn).size).toBe(1);
  });
});
