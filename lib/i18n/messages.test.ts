import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import { FINAL_SOUND_SUFFIX } from '@/lib/i18n/korean-particle';

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) for (const entry of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(...entry);
  } else out.set(prefix, value);
  return out;
}

const files = { en: flatten(en), de: flatten(de), ko: flatten(ko) };

describe('message files', () => {
  it('have the same keys in every language', () => {
    const keys = [...files.en.keys()].sort();
    expect([...files.de.keys()].sort()).toEqual(keys);
    expect([...files.ko.keys()].sort()).toEqual(keys);
  });

  it.each(Object.keys(files) as (keyof typeof files)[])('%s has no empty values', (locale) => {
    const empty = [...files[locale]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('keeps the same ICU placeholders in every language', () => {
    // `{nameFinal}` is the Korean particle choice for `{name}` (lib/i18n/korean-particle.ts), not a placeholder of its own.
    const placeholders = (text: unknown) => {
      const names = new Set([...String(text).matchAll(/\{\s*(\w+)\s*[},]/g)].map((match) => match[1]!));
      return [...names].filter((name) => !(name.endsWith(FINAL_SOUND_SUFFIX) && names.has(name.slice(0, -FINAL_SOUND_SUFFIX.length)))).sort();
    };
    for (const [key, text] of files.en) {
      expect(placeholders(files.de.get(key)), `de ${key}`).toEqual(placeholders(text));
      expect(placeholders(files.ko.get(key)), `ko ${key}`).toEqual(placeholders(text));
    }
  });
});

describe('Korean particles', () => {
  // After a name the particle depends on its last sound; "을(를)"-style double forms read as
  // machine output. Such messages must select on `{nameFinal}` (lib/i18n/korean-particle.ts).
  const MECHANICAL_PARTICLE = /(을|를|이|가|은|는|과|와)\((을|를|이|가|은|는|과|와)\)|\(으\)로/;

  it('never uses a mechanical double form like 을(를)', () => {
    const mechanical = [...files.ko].filter(([, value]) => MECHANICAL_PARTICLE.test(String(value))).map(([key]) => key);
    expect(mechanical).toEqual([]);
  });
});
