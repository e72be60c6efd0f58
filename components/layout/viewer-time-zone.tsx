'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { timeZoneCookieName } from '@/lib/i18n/locales';

/** Tells the server the browser's IANA zone once, so server-rendered times use it. */
export function ViewerTimeZone({ current }: { current: string | undefined }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== current) {
      document.cookie = `${timeZoneCookieName}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [current, router]);
  return null;
}
