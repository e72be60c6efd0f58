'use client';

import { PreJoin, type LocalUserChoices } from '@livekit/components-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * Camera/microphone preview and device choice before the lobby (LiveKit's PreJoin). The
 * name is not editable here: the room shows the name and delegation the organiser entered
 * (the token carries it), so PreJoin's own name field is hidden and the name shown instead.
 */
export function PreJoinPanel({ appearAs, onJoin }: { appearAs: string; onJoin: (choices: LocalUserChoices) => void }) {
  const t = useTranslations('live.preJoin');
  const [deviceError, setDeviceError] = useState<string | null>(null);
  return (
    <section aria-labelledby="prejoin-heading" className="flex flex-col gap-4" data-testid="prejoin">
      <div>
        <h2 id="prejoin-heading" className="font-serif text-2xl">
          {t('heading')}
        </h2>
        <p className="text-white/80">{t('intro')}</p>
      </div>
      <p>
        <span className="text-white/60">{t('appearAs')}</span> <strong data-testid="prejoin-name">{appearAs}</strong>
      </p>
      <div className="accord-prejoin [&_.lk-username-container_input]:hidden">
        <PreJoin
          defaults={{ username: appearAs, videoEnabled: true, audioEnabled: true }}
          persistUserChoices={false}
          onValidate={() => true}
          onSubmit={onJoin}
          onError={(error) => setDeviceError(error.message)}
          joinLabel={t('join')}
          micLabel={t('microphone')}
          camLabel={t('camera')}
          userLabel={t('name')}
        />
      </div>
      {deviceError ? (
        <p role="alert" className="text-sm text-amber-300">
          {t('deviceError', { message: deviceError })}
        </p>
      ) : null}
    </section>
  );
}

/** Observers publish nothing: no device check, a clear statement of what they will and will not be. */
export function ObserverJoinPanel({ onJoin }: { onJoin: () => void }) {
  const t = useTranslations('live.preJoin');
  return (
    <section aria-labelledby="observer-join-heading" className="flex max-w-xl flex-col gap-4" data-testid="prejoin">
      <h2 id="observer-join-heading" className="font-serif text-2xl">
        {t('observerHeading')}
      </h2>
      <p className="text-white/80">{t('observerIntro')}</p>
      <button type="button" className="self-start rounded-md bg-white px-4 py-2 font-medium text-[#0f1620]" onClick={onJoin}>
        {t('observerJoin')}
      </button>
    </section>
  );
}
