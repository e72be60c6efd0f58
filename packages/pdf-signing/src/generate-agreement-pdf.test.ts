import { describe, expect, it } from 'vitest';

import { koreanObjectParticle } from './agreement-texts';
import { generateAgreementPdf } from './generate-agreement-pdf';
import { inspectPdf } from './inspect-pdf';
import { expectQpdfClean, runPdftotext } from './testing/external-validators';
import { KOSMO, LNI } from './testing/fixtures';

/** pdftotext breaks lines and may join words differently: compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('generateAgreementPdf', () => {
  it('English: title page, three articles, a signature page whose areas lie on it', async () => {
    const agreement = await generateAgreementPdf({ language: 'en', parties: [LNI, KOSMO] });
    expectQpdfClean(agreement.bytes);
    const inspection = await inspectPdf(agreement.bytes);
    expect(inspection.pageCount).toBe(agreement.pageCount);
    const text = squash(runPdftotext(agreement.bytes));
    for (const phrase of [
      'Joint Declaration of Intent on Cooperation in Smart Manufacturing',
      'Labs Network Industrie 4.0 (LNI 4.0)',
      'Korean Smart Manufacturing Office (KOSMO)',
      'Article 1 – Purpose',
      'Article 2 – Areas of Cooperation',
      'Article 3 – Final Provisions',
      'For Labs Network Industrie 4.0',
      'Dr. Matthias Schäfer',
      '김민준',
    ]) {
      expect(text).toContain(squash(phrase));
    }
    expect(agreement.signatureAreas.map((a) => [a.partyIndex, a.role, a.page])).toEqual([
      [0, 'signatory', agreement.pageCount],
      [1, 'signatory', agreement.pageCount],
    ]);
    const [left, right] = agreement.signatureAreas;
    expect(left!.rect.x).toBeLessThan(right!.rect.x);
    const page = inspection.pages[agreement.pageCount - 1]!;
    for (const { rect } of agreement.signatureAreas) {
      expect(rect.x).toBeGreaterThan(0);
      expect(rect.x + rect.width).toBeLessThan(page.width);
      expect(rect.y).toBeGreaterThan(0);
      expect(rect.width).toBeGreaterThan(150);
      expect(rect.height).toBeGreaterThan(60);
    }
  });

  it('German: umlauts and ß render and read back', async () => {
    const agreement = await generateAgreementPdf({ language: 'de', parties: [LNI, KOSMO] });
    expectQpdfClean(agreement.bytes);
    const text = squash(runPdftotext(agreement.bytes));
    for (const phrase of [
      'Gemeinsame Absichtserklärung über die Zusammenarbeit',
      'Artikel 3 – Schlussbestimmungen',
      'gleichermaßen verbindlich',
      'Für Labs Network Industrie 4.0',
      'Bundesrepublik Deutschland',
      'Republik Korea',
      'Seite 1 von',
    ]) {
      expect(text).toContain(squash(phrase));
    }
  });

  it('Korean: Hangul renders and reads back; alternat puts the holding party first', async () => {
    const agreement = await generateAgreementPdf({
      language: 'ko',
      parties: [KOSMO, LNI],
      witnesses: [
        { partyIndex: 0, name: '이서연', title: '산업통상자원부 장관' },
        { partyIndex: 1, name: 'Dr. Anna Bergmann-Kühn', title: 'Bundesministerin für Wirtschaft' },
      ],
    });
    expectQpdfClean(agreement.bytes);
    const text = runPdftotext(agreement.bytes);
    const flat = squash(text);
    for (const phrase of [
      '스마트 제조 분야 협력에 관한 공동의향서',
      '제1조 목적',
      '제3조 최종 조항',
      '다음과 같은 공동의 의향을 확인합니다.',
      '스마트제조혁신추진단을 대표하여',
      '랩스 네트워크 인더스트리 4.0을 대표하여',
      '스마트제조혁신추진단 단장',
      '대한민국',
      '독일연방공화국',
      '입회인',
      '이서연',
    ]) {
      expect(flat).toContain(squash(phrase));
    }
    // The first-named party (KOSMO) comes first on the title page and on the left.
    expect(flat.indexOf(squash('스마트제조혁신추진단 (KOSMO)'))).toBeLessThan(flat.indexOf(squash('랩스 네트워크 인더스트리 4.0 (LNI 4.0)')));
    const areas = agreement.signatureAreas;
    expect(areas.map((a) => [a.partyIndex, a.role])).toEqual([
      [0, 'signatory'],
      [1, 'signatory'],
      [0, 'witness'],
      [1, 'witness'],
    ]);
    expect(areas[2]!.rect.y + areas[2]!.rect.height).toBeLessThan(areas[0]!.rect.y);
  });

  it('chooses the Korean object particle by the last syllable', () => {
    expect(koreanObjectParticle('스마트제조혁신추진단')).toBe('을');
    expect(koreanObjectParticle('랩스 네트워크 인더스트리 4.0')).toBe('을');
    expect(koreanObjectParticle('코스모')).toBe('를');
    expect(koreanObjectParticle('KOSMO')).toBe('를');
  });
});
