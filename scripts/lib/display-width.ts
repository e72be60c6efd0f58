// Terminal columns a string takes: East Asian wide and fullwidth characters (Hangul, CJK,
// fullwidth forms, most emoji) take two, combining marks and zero-width characters none.
// String#padEnd counts UTF-16 units, so a table of Korean names printed with it comes out ragged.

// Ranges of East Asian Width W and F (Unicode UAX #11), the ones a name or a title can hold.
const wideRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo, leading consonants
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x33ff], // kana, compatibility Jamo, CJK letters and months
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B and later
];

// Conjoining Jamo vowels and finals join the leading consonant before them into one syllable.
const zeroWidth = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff\u1160-\u11ff\ud7b0-\ud7ff]/u;

function isWide(codePoint: number): boolean {
  return wideRanges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The number of terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    if (zeroWidth.test(character)) continue;
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** `text` followed by spaces up to `columns` terminal columns (unchanged when it is wider). */
export function padEndToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/** Rows of cells as lines whose columns line up on a terminal, two spaces between columns. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : padEndToWidth(cell, widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
