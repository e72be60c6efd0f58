import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDF_REFUSAL_CODES } from '@accord/pdf-signing/inspection-rules';
import { describe, expect, it } from 'vitest';
import { domainErrorReasons } from '@/lib/error-reasons';
import { errorMessageKey, errorMessageParams } from '@/lib/i18n/error-text';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';

const catalogues = { en, de, ko };

describe('error reasons', () => {
  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('every reason has its text in %s, and the catalogue no other', (locale) => {
    const reasons: Record<string, string> = catalogues[locale].errors.reasons;
    expect(Object.keys(reasons).sort()).toEqual([...domainErrorReasons].sort());
    const pdf: Record<string, string> = catalogues[locale].pdfInspection.reasons;
    for (const code of PDF_REFUSAL_CODES) expect(pdf[code], `${locale} pdfInspection.reasons.${code}`).toBeTruthy();
  });

  it('are kebab-case and listed once', () => {
    for (const reason of domainErrorReasons) expect(reason).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(domainErrorReasons).size).toBe(domainErrorReasons.length);
  });

  it('map to the reason’s text, a refused PDF’s text, else the code’s, else INTERNAL’s', () => {
    expect(errorMessageKey({ code: 'INVALID_STATE', reason: 'own-originals-first' })).toBe('errors.reasons.own-originals-first');
    expect(errorMessageKey({ code: 'UNPROCESSABLE_DOCUMENT', reason: 'ENCRYPTED' })).toBe('pdfInspection.reasons.ENCRYPTED');
    expect(errorMessageKey({ code: 'CONFLICT', reason: 'no-such-reason' })).toBe('errors.CONFLICT');
    expect(errorMessageKey({ code: 'CONFLICT' })).toBe('errors.CONFLICT');
    expect(errorMessageKey({ code: 'TEAPOT' })).toBe('errors.INTERNAL');
  });

  it('say the ceremony states they name in the viewer’s language', () => {
    const params = errorMessageParams(
      { code: 'INVALID_STATE', reason: 'transition-not-allowed', params: { from: 'LIVE', to: 'DRAFT', name: 'LIVE' } },
      (state) => `<${state}>`,
    );
    expect(params).toMatchObject({ from: '<LIVE>', to: '<DRAFT>', name: 'LIVE' });
  });

  it('carry each name’s final sound, so Korean can choose its particle', () => {
    const params = errorMessageParams({ code: 'FORBIDDEN', reason: 'full-powers-not-approved', params: { by: '김민준' } }, (state) => state);
    expect(params).toEqual({ by: '김민준', byFinal: 'consonant' });
  });
});

/** Every .ts/.tsx file under a directory of the repository. */
function sourcesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the UI', () => {
  it('never translates an error by matching its English message text', () => {
    // A comparison, a string test or a map lookup on `.message`: the reason is what to match.
    const matchesMessage = [
      /\.message\s*[!=]==?/,
      /[!=]==?\s*[\w.?]*\.message\b/,
      /\.message\??\.(includes|startsWith|endsWith|match)\(/,
      /\.test\([\w.?]*\.message\)/,
      /\[[\w.?]*\.message\]/,
    ];
    const offenders = ['components', 'app'].flatMap((root) =>
      sourcesUnder(join(process.cwd(), root)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (matchesMessage.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
