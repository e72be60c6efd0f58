import { describe, expect, it } from 'vitest';
import { defaultSigningConsent, resolveSigningConsent, signingConsentSchema, storedSigningConsent } from '@/lib/signing/signing-consent';

describe('resolveSigningConsent', () => {
  it('gives the defaults for a ceremony that has not worded its own', () => {
    expect(resolveSigningConsent('{}')).toEqual(defaultSigningConsent);
    expect(resolveSigningConsent(null)).toEqual(defaultSigningConsent);
    expect(resolveSigningConsent('not json')).toEqual(defaultSigningConsent);
    expect(resolveSigningConsent('["en"]')).toEqual(defaultSigningConsent);
  });

  it('uses the ceremony’s wording per language; blank or non-text parts fall back', () => {
    const resolved = resolveSigningConsent(JSON.stringify({ en: '  I sign.  ', de: '   ', ko: 42 }));
    expect(resolved).toEqual({ en: 'I sign.', de: defaultSigningConsent.de, ko: defaultSigningConsent.ko });
  });

  it('has a default in every language, each one or two sentences', () => {
    for (const text of Object.values(defaultSigningConsent)) {
      expect(text.length).toBeGreaterThan(40);
      expect(text.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('signingConsentSchema', () => {
  it('trims, keeps only worded languages, refuses over 1000 characters', () => {
    const parsed = signingConsentSchema.parse({ en: ' Mine. ', de: '' });
    expect(storedSigningConsent(parsed)).toEqual({ en: 'Mine.' });
    const long = signingConsentSchema.safeParse({ ko: 'ㄱ'.repeat(1001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]).toMatchObject({ path: ['ko'], message: 'tooLong' });
    expect(signingConsentSchema.safeParse({ en: `${'a'.repeat(1000)}  ` }).success).toBe(true);
  });
});
