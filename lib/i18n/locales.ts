/** The UI's languages. Pure: used by server, client and tests. */
export const locales = ['en', 'de', 'ko'] as const;
export type Locale = (typeof locales)[number];
const defaultLocale: Locale = 'en';
export const localeCookieName = 'NEXT_LOCALE';
export const timeZoneCookieName = 'accord-tz';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Best supported language from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

/**
 * Order: the user's saved preference, then the language chosen in
 * this browser (cookie), then the browser's Accept-Language, then English.
 */
export function resolveLocale(input: { preference?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.preference)) return input.preference;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? defaultLocale;
}

/** A participant's mail language: their preference, else their delegation's default. */
export function recipientLocale(preference: string | null | undefined, delegationDefault: string | null | undefined): Locale {
  if (isLocale(preference)) return preference;
  if (isLocale(delegationDefault)) return delegationDefault;
  return defaultLocale;
}
