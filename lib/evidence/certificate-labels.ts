import type { Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/messages';

/**
 * How the certificate of completion says the values stored as codes (signing order, roles,
 * revision kinds, full-powers status, document languages): with the UI's own words, in the
 * certificate's language. A code the catalogue does not know is printed as it is rather than
 * hidden, so that a new value never disappears from the evidence. Pure.
 */
export function certificateLabels(locale: Locale) {
  const t = translatorFor(locale);
  const say = (key: string, code: string) => (t.has(key as 'roles.organiser') ? t(key as 'roles.organiser') : code);
  return {
    signingOrder: (order: string) => say(`schedule.plan.modes.${order}.label`, order),
    role: (role: string) => say(`roles.${role}`, role),
    revisionKind: (kind: string) => say(`archive.record.revisionKinds.${kind}`, kind),
    fullPowersStatus: (status: string) => say(`protocol.fullPowers.status.${status}`, status),
    // The catalogue names each language in itself (a language picker); the certificate names it in its own language.
    language: (language: string) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(language) ?? language,
  };
}
