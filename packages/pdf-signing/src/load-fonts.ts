import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as fontkit from '@cantoo/fontkit';

/**
 * The fonts the signing core draws with. Noto Sans KR has Latin, umlauts, ß and
 * Hangul; Dancing Script is a handwriting face for typed signatures (Latin only).
 * Files are read once per process; every PDF embeds only the glyphs it uses.
 */
export type FontKey = 'sans' | 'sans-bold' | 'handwriting';

const FONT_FILES: Record<FontKey, [pkg: string, file: string]> = {
  sans: ['@expo-google-fonts/noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'],
  'sans-bold': ['@expo-google-fonts/noto-sans-kr', '700Bold/NotoSansKR_700Bold.ttf'],
  handwriting: ['@expo-google-fonts/dancing-script', '400Regular/DancingScript_400Regular.ttf'],
};

/**
 * OpenType features to switch off when shaping with a font. Noto Sans KR's contextual
 * lookups (calt, ccmp, liga, locl) make shaping ten times slower and change nothing
 * for the precomposed (NFC) text drawn here; the handwriting face keeps its ligatures.
 */
export const FAST_SHAPING: Record<FontKey, Record<string, boolean> | undefined> = {
  sans: { calt: false, ccmp: false, liga: false, locl: false },
  'sans-bold': { calt: false, ccmp: false, liga: false, locl: false },
  handwriting: undefined,
};

const bytesCache = new Map<FontKey, Uint8Array>();
const fontCache = new Map<FontKey, fontkit.Font>();

/**
 * Node's own resolver, out of the bundler's sight: Turbopack rewrites
 * `createRequire(import.meta.url).resolve(…)` into a bundled module id (a number), but the
 * fonts are read as files. Resolved from this module where that file exists, else from the
 * working directory (a bundled server's import.meta.url may name a source file that is gone).
 */
function resolveFontPath(key: FontKey): string {
  const [pkg, file] = FONT_FILES[key];
  const { createRequire } = process.getBuiltinModule('node:module');
  const specifier = `${pkg}/package.json`;
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve(specifier);
  } catch {
    packageJson = createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
  }
  return path.join(path.dirname(packageJson), file);
}

export function loadFontBytes(key: FontKey): Uint8Array {
  let bytes = bytesCache.get(key);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(resolveFontPath(key)));
    bytesCache.set(key, bytes);
  }
  return bytes;
}

function loadFont(key: FontKey): fontkit.Font {
  let font = fontCache.get(key);
  if (!font) {
    const created = fontkit.create(Buffer.from(loadFontBytes(key)));
    if (!('hasGlyphForCodePoint' in created)) throw new Error(`${key} font is a collection, expected a single font`);
    font = created;
    fontCache.set(key, font);
  }
  return font;
}

/** True when every character of `text` (ignoring spaces) has a glyph in the font. */
export function fontCoversText(key: FontKey, text: string): boolean {
  const font = loadFont(key);
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint === 0x20) continue;
    if (!font.hasGlyphForCodePoint(codePoint)) return false;
  }
  return true;
}
