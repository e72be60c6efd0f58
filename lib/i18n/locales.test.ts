import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, recipientLocale, resolveLocale } from '@/lib/i18n/locales';

describe('resolveLocale', () => {
  it('prefers the saved preference, then the cookie, then Accept-Language, then English', () => {
    expect(resolveLocale({ preference: 'ko', cookie: 'de', acceptLanguage: 'en' })).toBe('ko');
    expect(resolveLocale({ preference: null, cookie: 'de', acceptLanguage: 'ko' })).toBe('de');
    expect(resolveLocale({ acceptLanguage: 'fr-FR,fr;q=0.9,de;q=0.8,ko;q=0.7' })).toBe('de');
    expect(resolveLocale({ acceptLanguage: 'fr, es' })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });

  it('ignores unsupported stored values', () => {
    expect(resolveLocale({ preference: 'xx', cookie: 'yy', acceptLanguage: 'ko-KR' })).toBe('ko');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('honours q-values and regional tags', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, ko-KR;q=0.9')).toBe('ko');
    expect(localeFromAcceptLanguage('de-AT')).toBe('de');
    expect(localeFromAcceptLanguage('de;q=0')).toBeUndefined();
  });
});

describe('recipientLocale', () => {
  it("uses the person's preference, else the delegation's language", () => {
    expect(recipientLocale('en', 'ko')).toBe('en');
    expect(recipientLocale(null, 'ko')).toBe('ko');
    expect(recipientLocale(undefined, undefined)).toBe('en');
  });
});
