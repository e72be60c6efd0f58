import { describe, expect, it } from 'vitest';
import { messagesByLocale } from '@/lib/i18n/messages';
import { locales } from '@/lib/i18n/locales';
import { createTranslator } from 'next-intl';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}

const namespaces = ['schedule', 'invitation'] as const;
/** Every {argument} of a message, numbers for those used in plurals. */
function sampleArguments(message: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [, name, kind] of message.matchAll(/\{\s*(\w+)\s*(,\s*\w+)?/g)) values[name!] = kind ? 2 : 'X';
  return values;
}

describe('scheduling and invitation messages', () => {
  for (const namespace of namespaces) {
    it(`${namespace}: the same keys in every language, none empty, every one formats`, () => {
      const english = leaves(messagesByLocale.en[namespace] as unknown as Tree).sort();
      for (const locale of locales) {
        const tree = messagesByLocale[locale][namespace] as unknown as Tree;
        expect(leaves(tree).sort()).toEqual(english);
        const problems: string[] = [];
        const t = createTranslator({
          locale,
          messages: { [namespace]: tree } as Record<string, Tree>,
          namespace,
          onError: (error) => problems.push(error.message),
        });
        for (const key of english) {
          const source = key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
          const text = (t as unknown as (key: string, values: Record<string, string | number>) => string)(key, sampleArguments(source));
          expect(text.trim().length, `${locale}:${namespace}.${key}`).toBeGreaterThan(0);
        }
        expect(problems).toEqual([]);
      }
    });
  }
});
