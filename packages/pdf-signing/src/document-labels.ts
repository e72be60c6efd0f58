import { KNOWN_NAMES, koreanObjectParticle, type AgreementLanguage } from './agreement-texts';

/**
 * The fixed text Accord itself writes into an agreement — signature and seal
 * appearances, the development notice at the foot of each page, the signature
 * dictionaries' /Reason — in the language of that version. Each authentic language
 * version reads in its own language throughout; user data (names, titles, capitals)
 * is written as entered, except party names the agreement itself translates.
 */
export interface DocumentLabels {
  /** Where the platform signs with a development certificate. */
  developmentNotice: string;
  /** The first line of the closing seal's appearance. */
  sealTitle: string;
  /** /Reason of a person's signature. */
  signedFor: (party: string, ceremonyTitle: string) => string;
  /** /Reason of the closing seal. */
  closingSealOf: (ceremonyTitle: string) => string;
}

export const DOCUMENT_LABELS: Record<AgreementLanguage, DocumentLabels> = {
  en: {
    developmentNotice: 'Signed with a development certificate — not for official use',
    sealTitle: 'Sealed by Accord',
    signedFor: (party, ceremonyTitle) => `Signed for ${party} at ${ceremonyTitle}`,
    closingSealOf: (ceremonyTitle) => `Closing seal of ${ceremonyTitle}`,
  },
  de: {
    developmentNotice: 'Mit einem Entwicklungszertifikat signiert – nicht für den amtlichen Gebrauch',
    sealTitle: 'Versiegelt durch Accord',
    signedFor: (party, ceremonyTitle) => `Unterzeichnet für ${party} – ${ceremonyTitle}`,
    closingSealOf: (ceremonyTitle) => `Abschließendes Siegel – ${ceremonyTitle}`,
  },
  ko: {
    developmentNotice: '개발용 인증서로 서명됨 — 공식 사용 불가',
    sealTitle: 'Accord 봉인',
    signedFor: (party, ceremonyTitle) => `${party}${koreanObjectParticle(party)} 대표하여 서명 – ${ceremonyTitle}`,
    closingSealOf: (ceremonyTitle) => `최종 봉인 – ${ceremonyTitle}`,
  },
};

/**
 * A document's language column (BCP 47: "de", "de-DE", "ko") as one of the languages
 * the labels exist in; anything else is written in English.
 */
export function documentLanguage(language: string | null | undefined): AgreementLanguage {
  const base = (language ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'de' || base === 'ko' ? base : 'en';
}

/** A party's name as the agreement's own text writes it in this language (known names), else as entered. */
export function partyNameIn(language: AgreementLanguage, name: string): string {
  return KNOWN_NAMES[name]?.[language] ?? name;
}

export function documentLabels(language: AgreementLanguage = 'en'): DocumentLabels {
  return DOCUMENT_LABELS[language];
}
