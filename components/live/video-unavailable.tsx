'use client';

import { useTranslations } from 'next-intl';

/** The video's place while the call connects, or when the video service cannot be reached (with a retry). */
export function VideoUnavailable({ connecting, onRetry }: { connecting: boolean; onRetry: () => void }) {
  const t = useTranslations('live');
  if (connecting) {
    return (
      <p role="status" className="p-6 text-white/80">
        {t('room.connecting')}
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="flex h-full flex-col items-start justify-center gap-3 rounded-lg border border-amber-300/40 p-6"
      data-testid="video-unreachable"
    >
      <h2 className="font-serif text-2xl">{t('room.unreachableTitle')}</h2>
      <p className="max-w-prose text-white/80">{t('room.unreachableBody')}</p>
      <button type="button" className="rounded-md bg-white px-4 py-2 font-medium text-[#0f1620]" onClick={onRetry}>
        {t('room.retry')}
      </button>
    </div>
  );
}
