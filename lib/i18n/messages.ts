import { createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import type { Locale } from '@/lib/i18n/locales';

export type Messages = typeof en;

export const messagesByLocale: Record<Locale, Messages> = { en, de: de as Messages, ko: ko as Messages };

/** A translator outside React (mail, .ics, PDFs): same messages as the UI. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesByLocale[locale] });
}
