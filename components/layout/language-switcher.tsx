'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useTransition } from 'react';
import { changeLanguage } from '@/app/actions';
import { locales } from '@/lib/i18n/locales';

/** A native select: keyboard- and screen-reader-friendly; saves on change. */
export function LanguageSwitcher() {
  const t = useTranslations('common');
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form ref={formRef} action={changeLanguage} className="flex items-center gap-2">
      <label htmlFor="language-switcher" className="text-sm text-white/80">
        {t('language')}
      </label>
      <select
        key={locale}
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        disabled={pending}
        onChange={() => startTransition(() => formRef.current?.requestSubmit())}
        className="rounded border border-white/30 bg-navy-dark px-2 py-1 text-sm text-white"
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languageNames.${code}`)}
          </option>
        ))}
      </select>
    </form>
  );
}
