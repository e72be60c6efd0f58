import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getSessionUser } from '@/lib/auth';
import { isValidTimeZone } from '@/lib/time/format-instant';
import { localeCookieName, resolveLocale, timeZoneCookieName } from '@/lib/i18n/locales';
import { messagesByLocale } from '@/lib/i18n/messages';

// next-intl's per-request configuration: language (preference → cookie → browser → en)
// and the viewer's time zone (reported by the browser into a cookie; UTC until then).
export default getRequestConfig(async () => {
  const [cookieStore, headerList, user] = await Promise.all([cookies(), headers(), getSessionUser()]);
  const locale = resolveLocale({
    preference: user?.locale,
    cookie: cookieStore.get(localeCookieName)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
  const zone = cookieStore.get(timeZoneCookieName)?.value;
  return {
    locale,
    messages: messagesByLocale[locale],
    timeZone: zone && isValidTimeZone(zone) ? zone : 'UTC',
  };
});
