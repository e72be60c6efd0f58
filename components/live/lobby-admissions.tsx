'use client';

import { useTranslations } from 'next-intl';
import {
  admitAllWaitingAction,
  admitParticipantAction,
  declineParticipantAction,
  removeParticipantAction,
  setLobbyOpenAction,
} from '@/app/ceremonies/[id]/room/actions';
import { useHostAction } from '@/components/live/host-action';
import { useLobbySound } from '@/components/live/use-waiting-notice';
import type { LobbyState } from '@/lib/live/load-lobby';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** The organiser's view of the door: who waits, admit or decline one, admit all, open the room. */
export function LobbyAdmissions({ ceremonyId, lobby, onChanged }: { ceremonyId: string; lobby: LobbyState | null; onChanged: () => void }) {
  const t = useTranslations('live.lobby');
  const tRoles = useTranslations('roles');
  const tPeople = useTranslations('live.people');
  const { run, pending } = useHostAction();
  const { soundOn, changeSound } = useLobbySound();
  const waiting = lobby?.arrivals.filter((arrival) => !arrival.admitted) ?? [];
  // The press is hidden in the room, so this is where the organiser can still remove them.
  const admitted = lobby?.arrivals.filter((arrival) => arrival.admitted && arrival.role !== 'organiser') ?? [];
  return (
    <section aria-labelledby="lobby-admissions-heading" className="flex flex-col gap-3" data-testid="lobby-admissions">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="lobby-admissions-heading" className="font-medium">
          {t('waitingCount', { count: waiting.length })}
        </h2>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-[#0f1620] disabled:opacity-50"
            disabled={pending || waiting.length === 0}
            onClick={() => run(() => admitAllWaitingAction(ceremonyId), onChanged)}
          >
            {t('admitAll')}
          </button>
          <button
            type="button"
            className="rounded-md border border-white/40 px-3 py-1.5 text-sm disabled:opacity-50"
            disabled={pending || !lobby}
            onClick={() => run(() => setLobbyOpenAction(ceremonyId, !lobby?.lobbyOpen), onChanged)}
          >
            {lobby?.lobbyOpen ? t('closeRoom') : t('openRoom')}
          </button>
        </div>
      </div>
      {lobby?.lobbyOpen ? <p className="text-sm text-white/70">{t('roomIsOpen')}</p> : null}
      <label className="flex items-center gap-2 text-sm text-white/80">
        <input type="checkbox" checked={soundOn} onChange={(event) => changeSound(event.target.checked)} data-testid="lobby-sound" />
        {t('sound')}
      </label>
      <ul className="flex flex-col gap-2">
        {waiting.map((person) => (
          <li key={person.participantId} className="flex items-center justify-between gap-3 rounded-md bg-white/5 px-3 py-2 text-sm">
            <span>
              <span className="font-medium">{person.displayName}</span>
              <span className="ml-2 text-white/60">
                {person.delegationName ? `${person.delegationName} · ` : ''}
                {tRoles(person.role as 'organiser')}
              </span>
            </span>
            <span className="flex shrink-0 gap-2">
              <button
                type="button"
                className="rounded-md border border-white/40 px-3 py-1 disabled:opacity-50"
                disabled={pending}
                onClick={() => run(() => admitParticipantAction(ceremonyId, person.participantId), onChanged)}
              >
                {t('admit', { name: person.displayName })}
              </button>
              <button
                type="button"
                className="rounded-md border border-white/20 px-3 py-1 text-white/80 disabled:opacity-50"
                disabled={pending}
                onClick={() => run(() => declineParticipantAction(ceremonyId, person.participantId), onChanged)}
                data-testid="lobby-decline"
              >
                {t('decline', { name: person.displayName })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {admitted.length > 0 ? (
        <>
          <h3 className="text-sm font-medium text-white/80">{t('admittedHeading')}</h3>
          <ul className="flex flex-col gap-2" data-testid="lobby-admitted">
            {admitted.map((person) => (
              <li key={person.participantId} className="flex items-center justify-between gap-3 rounded-md bg-white/5 px-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{person.displayName}</span>
                  <span className="ml-2 text-white/60">{tRoles(person.role as 'organiser')}</span>
                </span>
                <button
                  type="button"
                  className="rounded-md border border-red-400/60 px-3 py-1 text-red-200 disabled:opacity-50"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(tPeople('removeConfirm', withFinalSounds({ name: person.displayName })))) {
                      run(() => removeParticipantAction(ceremonyId, person.participantId), onChanged);
                    }
                  }}
                >
                  {tPeople('remove', { name: person.displayName })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
