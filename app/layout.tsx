import type { Metadata } from 'next';
import localFont from 'next/font/local';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Toaster } from 'sonner';
import { signOutAction } from '@/app/actions';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { ParseWithoutEval } from '@/components/layout/parse-without-eval';
import { ViewerTimeZone } from '@/components/layout/viewer-time-zone';
import { ARCHIVE_GLOBAL_ROLES, isIn } from '@/lib/access/access-sets';
import { getSessionUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { timeZoneCookieName } from '@/lib/i18n/locales';
import './globals.css';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

// The handwriting face of typed signatures (the same font the PDF appearance uses), shipped from npm.
const handwriting = localFont({
  src: '../node_modules/@expo-google-fonts/dancing-script/400Regular/DancingScript_400Regular.ttf',
  variable: '--font-handwriting',
  display: 'swap',
});

// Drawn by scripts/icons/render-icons.ts.
export const metadata: Metadata = {
  title: 'Accord',
  description: 'Signing ceremonies between delegations',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
  manifest: '/manifest.webmanifest',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, user, cookieStore] = await Promise.all([getLocale(), getTranslations(), getSessionUser(), cookies()]);
  return (
    <html lang={locale} className={handwriting.variable}>
      <body className="min-h-screen font-sans antialiased">
        <ParseWithoutEval />
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
            {t('common.skipToContent')}
          </a>
          {/* The header's links are not prefetched: the room refreshes its server data on every
              change (a signature, a state step), a refresh drops prefetched pages, and each refresh
              would make every participant's browser render the ceremony list and the archive again
              on the server - more than doubling its work while a ceremony runs. */}
          <header className="bg-navy text-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-3">
              <div className="flex items-center gap-6">
                <Link prefetch={false} href="/" className="font-serif text-xl tracking-wide">
                  {t('common.appName')}
                </Link>
                {user ? (
                  <nav aria-label={t('nav.ceremonies')} className="flex gap-4 text-sm">
                    <Link prefetch={false} href="/" className="hover:underline">
                      {t('nav.ceremonies')}
                    </Link>
                    {isIn(ARCHIVE_GLOBAL_ROLES, user.globalRole) ? (
                      <Link prefetch={false} href="/archive" className="hover:underline">
                        {t('nav.archive')}
                      </Link>
                    ) : null}
                    {env.ACCORD_DEV_TOOLS ? (
                      <Link prefetch={false} href="/dev/outbox" className="hover:underline">
                        {t('nav.outbox')}
                      </Link>
                    ) : null}
                  </nav>
                ) : null}
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <LanguageSwitcher />
                {user ? (
                  <>
                    <span className="text-sm text-white/80">{t('common.signedInAs', withFinalSounds({ name: user.name }))}</span>
                    <form action={signOutAction}>
                      <button type="submit" className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10">
                        {t('common.signOut')}
                      </button>
                    </form>
                  </>
                ) : null}
              </div>
            </div>
          </header>
          {env.ACCORD_DEV_TOOLS ? <p className="bg-gold/15 px-6 py-1 text-center text-xs text-ink">{t('common.developmentBanner')}</p> : null}
          <main id="main" className="mx-auto max-w-6xl px-6 py-8">
            {children}
          </main>
          <ViewerTimeZone current={cookieStore.get(timeZoneCookieName)?.value} />
          <Toaster position="top-center" />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
