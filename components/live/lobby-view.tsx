'use client';

import { useTranslations } from 'next-intl';
import { CapitalClocks, type Capital } from '@/components/live/capital-clocks';
import type { LobbyState } from '@/lib/live/load-lobby';

/** Where people wait until the organiser lets them in: the capitals' clocks and who is here. */
export function LobbyView({ capitals, lobby, failed, onAskAgain }: { capitals: Capital[]; lobby: LobbyState | null; failed: boolean; onAskAgain: () => void }) {
  const t = useTranslations('live.lobby');
  const tRoles = useTranslations('roles');
  const declined = lobby?.me.declined === true;
  const status = !lobby
    ? null
    : declined
      ? t('declined')
      : lobby.me.admitted && lobby.me.mayEnterRoom
        ? t('entering')
        : lobby.me.mayEnterRoom || lobby.ceremonyState !== 'SCHEDULED'
          ? t('waitingForAdmission')
          : t('notStarted');
  return (
    <section aria-labelledby="lobby-heading" className="flex flex-col gap-6" data-testid="lobby">
      <div className="flex flex-col gap-2">
        <h2 id="lobby-heading" className="font-serif text-2xl">
          {t('heading')}
        </h2>
        <p role="status" aria-live="polite" className="text-white/80" data-testid="lobby-status">
          {status}
        </p>
        {declined ? (
          <button type="button" className="self-start rounded-md border border-white/40 px-3 py-1.5 text-sm" onClick={onAskAgain} data-testid="lobby-ask-again">
            {t('askAgain')}
          </button>
        ) : null}
        {failed ? <p className="text-sm text-amber-300">{t('unavailable')}</p> : null}
      </div>
      <CapitalClocks capitals={capitals} />
      <div>
        <h3 className="mb-2 font-medium">{t('arrived')}</h3>
        {lobby && lobby.arrivals.length === 0 ? <p className="text-sm text-white/60">{t('nobody')}</p> : null}
        <ul className="flex flex-col gap-1 text-sm" data-testid="lobby-arrivals">
          {lobby?.arrivals.map((person) => (
            <li key={person.participantId} className="flex flex-wrap gap-x-2">
              <span className="font-medium">{person.displayName}</span>
              <span className="text-white/60">
                {person.delegationName ? `${person.delegationName} · ` : ''}
                {tRoles(person.role as 'organiser')}
              </span>
              <span className="text-white/60">{person.admitted ? t('inRoom') : t('waiting')}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
