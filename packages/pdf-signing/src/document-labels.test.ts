import { describe, expect, it } from 'vitest';

import type { AgreementLanguage } from './agreement-texts';
import { DOCUMENT_LABELS, documentLabels, documentLanguage, partyNameIn } from './document-labels';
import { DEVELOPMENT_NOTICE, developmentNoticeFor } from './draw-field-appearances';
import { generateAgreementPdf } from './generate-agreement-pdf';
import { fontCoversText } from './load-fonts';
import { prepareSigningFields } from './prepare-signing-fields';
import { sealDocument } from './seal-document';
import { signPreparedFields } from './sign-prepared-fields';
import { expectPdfsigAllValid, expectQpdfClean, runPdftotext } from './testing/external-validators';
import { appearanceFor, KOSMO, LNI, testIdentity, trustOf } from './testing/fixtures';
import { verifyPdfSignatures } from './verify-pdf-signatures';

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('document labels', () => {
  it('reads a document language column, falling back to English', () => {
    expect(documentLanguage('de')).toBe('de');
    expect(documentLanguage('de-DE')).toBe('de');
    expect(documentLanguage('KO')).toBe('ko');
    expect(documentLanguage('fr')).toBe('en');
    expect(documentLanguage(null)).toBe('en');
    expect(documentLabels()).toBe(DOCUMENT_LABELS.en);
  });

  it('names a party as the agreement text does in that language, else as entered', () => {
    expect(partyNameIn('ko', 'Korean Smart Manufacturing Office')).toBe('스마트제조혁신추진단');
    expect(partyNameIn('de', 'Korean Smart Manufacturing Office')).toBe('Korean Smart Manufacturing Office');
    expect(partyNameIn('ko', 'Bundesnetzagentur')).toBe('Bundesnetzagentur');
  });

  it('keeps the English notice as before and has every label in a glyph the drawing font has', () => {
    expect(DEVELOPMENT_NOTICE).toBe('Signed with a development certificate — not for official use');
    expect(developmentNoticeFor('de')).toBe('Mit einem Entwicklungszertifikat signiert – nicht für den amtlichen Gebrauch');
    expect(developmentNoticeFor('ko')).toBe('개발용 인증서로 서명됨 — 공식 사용 불가');
    for (const labels of Object.values(DOCUMENT_LABELS)) {
      for (const text of [labels.developmentNotice, labels.sealTitle, labels.signedFor('KOSMO', 'Seoul 2026'), labels.closingSealOf('Seoul 2026')]) {
        expect(fontCoversText('sans', text), text).toBe(true);
      }
    }
    expect(DOCUMENT_LABELS.ko.signedFor('스마트제조혁신추진단', '서명식')).toBe('스마트제조혁신추진단을 대표하여 서명 – 서명식');
  });
});

describe.each<AgreementLanguage>(['de', 'ko'])('a %s agreement signed with the development certificate', (language) => {
  it('carries the notice in its own language on every page, in each signature and in the seal, and no English one', async () => {
    const { identity } = await testIdentity();
    const agreement = await generateAgreementPdf({ language, parties: [LNI, KOSMO] });
    const [lniArea, kosmoArea] = agreement.signatureAreas;
    const lastPage = agreement.pageCount;
    const prepared = await prepareSigningFields({
      pdf: agreement.bytes,
      developmentNotice: true,
      language,
      fields: [
        { name: 'signature.lni', kind: 'signature', page: lniArea!.page, rect: lniArea!.rect },
        { name: 'signature.kosmo', kind: 'signature', page: kosmoArea!.page, rect: kosmoArea!.rect },
        { name: 'seal', kind: 'seal', page: lastPage, rect: { x: 380, y: 40, width: 170, height: 48 } },
      ],
    });
    const notice = developmentNoticeFor(language);
    const preparedText = runPdftotext(prepared.pdf);
    expect(count(preparedText, notice)).toBe(agreement.pageCount);
    expect(preparedText).not.toContain(DEVELOPMENT_NOTICE);

    let current = prepared.pdf;
    for (const [field, who, name] of [
      ['signature.lni', 'lni', 'Dr. Matthias Schäfer'],
      ['signature.kosmo', 'kosmo', '김민준'],
    ] as const) {
      current = (
        await signPreparedFields({
          pdf: current,
          fields: [field],
          appearance: { ...appearanceFor(who), language },
          signature: { name, reason: documentLabels(language).signedFor(name, 'Test'), location: 'Berlin / Seoul' },
          identity,
        })
      ).pdf;
    }
    const labels = documentLabels(language);
    const sealed = await sealDocument({
      pdf: current,
      fieldName: 'seal',
      kind: 'platform-signature',
      identity,
      reason: labels.closingSealOf('Test'),
      appearance: { title: labels.sealTitle, lines: ['Berlin: 26.11.2026, 10:30 MEZ'], developmentCertificate: true, language },
    });

    const text = runPdftotext(sealed.pdf);
    // Page feet, the two signatures and the seal.
    expect(count(text, notice)).toBe(agreement.pageCount + 3);
    expect(text).not.toContain(DEVELOPMENT_NOTICE);
    expect(text).not.toContain('not for official use');
    expect(text).toContain(labels.sealTitle);
    expect(text).not.toContain('Sealed by Accord');

    expectPdfsigAllValid(sealed.pdf, 3, { unsignedFields: 0 });
    expectQpdfClean(sealed.pdf);
    // The development certificate is recognised by its subject, whatever the notice says.
    const report = verifyPdfSignatures(sealed.pdf, trustOf((await testIdentity()).identity));
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((signature) => signature.certificate?.isDevelopment)).toEqual([true, true, true]);
  });
});
