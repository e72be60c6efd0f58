'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { toast } from 'sonner';
import { admitAllWaitingAction, admitParticipantAction, declineParticipantAction } from '@/app/ceremonies/[id]/room/actions';
import { useHostAction } from '@/components/live/host-action';
import { LOBBY_SOUND_KEY, lobbySoundOn, newlyWaiting, requestKey, waitingNotice, waitingNoticeValues } from '@/components/live/waiting-notice';
import type { LobbyState } from '@/lib/live/load-lobby';

/** Two soft notes, made on the spot: no audio file to load, nothing if the browser has no WebAudio. */
function playArrivalChime() {
  const AudioContextClass = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
    const start = audio.currentTime;
    [660, 880].forEach((frequency, index) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + index * 0.15;
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.32);
    });
    setTimeout(() => void audio.close(), 800);
  } catch {
    // A browser that refuses audio (no user gesture yet) still shows the notice.
  }
}

const soundListeners = new Set<() => void>();
function subscribeToSound(listener: () => void) {
  soundListeners.add(listener);
  return () => void soundListeners.delete(listener);
}

/** The organiser's arrival sound, on or off on this device (on while rendering on the server). */
export function useLobbySound() {
  const soundOn = useSyncExternalStore(
    subscribeToSound,
    () => lobbySoundOn(window.localStorage.getItem(LOBBY_SOUND_KEY)),
    () => true,
  );
  const changeSound = useCallback((on: boolean) => {
    window.localStorage.setItem(LOBBY_SOUND_KEY, on ? 'on' : 'off');
    for (const listener of soundListeners) listener();
  }, []);
  return { soundOn, changeSound };
}

/**
 * Tells the organiser, wherever they are in the room, that someone is at the door: a notice
 * with Admit / Decline (Admit everyone for several) and, unless turned off, a short sound.
 * Each request is announced once.
 */
export function useWaitingNotice({
  ceremonyId,
  lobby,
  enabled,
  onChanged,
}: {
  ceremonyId: string;
  lobby: LobbyState | null;
  enabled: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations('live.lobby');
  const { run } = useHostAction();
  const announced = useRef(new Set<string>());

  useEffect(() => {
    if (!enabled || !lobby) return;
    const newcomers = newlyWaiting(lobby.arrivals, announced.current);
    for (const person of newcomers) announced.current.add(requestKey(person));
    const notice = waitingNotice(newcomers);
    if (!notice) return;
    const text = t('waitingNotice', waitingNoticeValues(notice));
    const options = { duration: 10_000, id: `lobby-waiting-${ceremonyId}` };
    if (notice.kind === 'one') {
      toast(text, {
        ...options,
        action: { label: t('admit', { name: notice.name }), onClick: () => run(() => admitParticipantAction(ceremonyId, notice.participantId), onChanged) },
        cancel: { label: t('decline', { name: notice.name }), onClick: () => run(() => declineParticipantAction(ceremonyId, notice.participantId), onChanged) },
      });
    } else {
      toast(text, { ...options, action: { label: t('admitAll'), onClick: () => run(() => admitAllWaitingAction(ceremonyId), onChanged) } });
    }
    if (lobbySoundOn(window.localStorage.getItem(LOBBY_SOUND_KEY))) playArrivalChime();
  }, [enabled, lobby, ceremonyId, onChanged, run, t]);
}
