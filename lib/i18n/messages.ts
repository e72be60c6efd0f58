// use-intl's core, not next-intl: this runs in mail, PDFs and command-line scripts too, where React's
// server build (no hooks) would break next-intl's React entry point.
import { createTranslator } from 'use-intl/core';
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
