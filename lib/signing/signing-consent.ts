import { z } from 'zod';
import { BEFORE_SIGNING_STATES, isIn } from '@/lib/access/access-sets';

/**
 * The declaration a signatory sees beside Confirm, per UI language. The organiser may word
 * it per ceremony; a language left blank falls back to these. The text the signer was shown
 * is checked on confirmation and kept in the signature's audit event.
 * Pure (no server-only): the ceremony edit form shows the defaults as placeholders.
 */

export const consentLanguages = ['en', 'de', 'ko'] as const;
export type ConsentLanguage = (typeof consentLanguages)[number];
export type SigningConsentTexts = Record<ConsentLanguage, string>;

export const SIGNING_CONSENT_MAX_LENGTH = 1000;

export const defaultSigningConsent: SigningConsentTexts = {
  en: 'By confirming, I sign the documents listed above with the signature shown, as an authorised representative of my party. This is recorded with the time, my network address and the revision I reviewed.',
  de: 'Mit meiner Bestätigung unterzeichne ich die oben aufgeführten Dokumente mit der angezeigten Unterschrift als bevollmächtigte Vertretung meiner Vertragspartei. Festgehalten werden dabei der Zeitpunkt, meine Netzwerkadresse und die von mir geprüfte Fassung.',
  ko: '확인을 누르면 본인은 소속 당사자의 권한 있는 대표로서 위에 나열된 문서에 표시된 서명으로 서명합니다. 서명 시각, 본인의 네트워크 주소 및 본인이 검토한 판본이 함께 기록됩니다.',
};

/** Form and use-case share it; messages are `schedule.fieldErrors.<key>` keys. */
export const signingConsentSchema = z.object({
  en: z.string().trim().max(SIGNING_CONSENT_MAX_LENGTH, 'tooLong').default(''),
  de: z.string().trim().max(SIGNING_CONSENT_MAX_LENGTH, 'tooLong').default(''),
  ko: z.string().trim().max(SIGNING_CONSENT_MAX_LENGTH, 'tooLong').default(''),
});

export type SigningConsentInput = z.input<typeof signingConsentSchema>;

/** The stored JSON keeps only the languages the organiser worded; blank ones are left out. */
export function storedSigningConsent(texts: z.output<typeof signingConsentSchema>): Partial<SigningConsentTexts> {
  const stored: Partial<SigningConsentTexts> = {};
  for (const language of consentLanguages) if (texts[language]) stored[language] = texts[language];
  return stored;
}

/** The ceremony's own texts as stored (`Ceremony.signingConsent`), unreadable or blank parts ignored. */
export function parseStoredSigningConsent(stored: string | null | undefined): Partial<SigningConsentTexts> {
  let value: unknown;
  try {
    value = JSON.parse(stored ?? '{}');
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const texts: Partial<SigningConsentTexts> = {};
  for (const language of consentLanguages) {
    const text = record[language];
    if (typeof text === 'string' && text.trim()) texts[language] = text.trim().slice(0, SIGNING_CONSENT_MAX_LENGTH);
  }
  return texts;
}

/** What a signer is shown in each language: the ceremony's wording, else the default. */
export function resolveSigningConsent(stored: string | null | undefined): SigningConsentTexts {
  return { ...defaultSigningConsent, ...parseStoredSigningConsent(stored) };
}

/** Until signing opens; afterwards signers may already have confirmed the earlier wording. */
export function isSigningConsentEditable(state: string): boolean {
  return isIn(BEFORE_SIGNING_STATES, state);
}
