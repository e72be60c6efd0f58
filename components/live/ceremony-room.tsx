'use client';

import '@livekit/components-styles';
import type { LocalUserChoices } from '@livekit/components-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { endCeremonyForAllAction, goLiveAction } from '@/app/ceremonies/[id]/room/actions';
import { CapitalClocks } from '@/components/live/capital-clocks';
import { useHostAction } from '@/components/live/host-action';
import { LiveRoom, type RoomExit } from '@/components/live/live-room';
import { LobbyAdmissions } from '@/components/live/lobby-admissions';
import { LobbyView } from '@/components/live/lobby-view';
import { ObserverJoinPanel, PreJoinPanel } from '@/components/live/pre-join-panel';
import { useLobby } from '@/components/live/use-lobby';
import { useWaitingNotice } from '@/components/live/use-waiting-notice';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ErrorLike } from '@/lib/i18n/error-text';
import type { LobbyState } from '@/lib/live/load-lobby';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import { mayWaitInLobby } from '@/lib/live/room-access';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

type Stage = 'prejoin' | 'lobby' | 'room' | RoomExit;

/**
 * The ceremony's room, start to end: pre-join (devices), lobby (until admitted), the call,
 * and what follows a call (left, ended for all, removed).
 */
export function CeremonyRoom({ ceremony, me, programme, signing }: { ceremony: RoomCeremony; me: RoomMe; programme?: ReactNode; signing: SigningStatus }) {
  const t = useTranslations('live');
  const errorText = useErrorText();
  const router = useRouter();
  const [stage, setStage] = useState<Stage>('prejoin');
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const isOrganiser = me.role === 'organiser';
  const lobbyPolling = stage === 'lobby' || (isOrganiser && stage === 'room');
  const onLobbyUpdate = useCallback(
    (update: LobbyState | 'removed') => {
      if (update === 'removed') setStage('removed');
      // Ended and archived while I waited: the refetched page says the room is closed for good.
      else if (!mayWaitInLobby(update.ceremonyState)) router.refresh();
      else if (update.me.admitted && update.me.mayEnterRoom) setStage((current) => (current === 'lobby' ? 'room' : current));
    },
    [router],
  );
  const { lobby, failed, refresh } = useLobby(ceremony.id, lobbyPolling, onLobbyUpdate);
  useWaitingNotice({ ceremonyId: ceremony.id, lobby, enabled: isOrganiser && stage === 'room', onChanged: refresh });
  const waitingCount = lobby?.arrivals.filter((arrival) => !arrival.admitted).length ?? 0;

  const arrive = useCallback(
    async (picked: LocalUserChoices | null) => {
      setChoices(picked);
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremony.id)}/lobby`, { method: 'POST' }).catch(() => null);
      if (!response?.ok) {
        const body = (await response?.json().catch(() => null)) as { error?: ErrorLike } | null;
        toast.error(errorText(body?.error ?? { code: 'INTERNAL' }));
        if (response?.status === 403 || response?.status === 404) setStage('removed');
        return;
      }
      const entry = (await response.json()) as { admitted: boolean; roomOpen: boolean };
      setStage(entry.admitted && entry.roomOpen ? 'room' : 'lobby');
    },
    [ceremony.id, errorText],
  );

  const onExit = useCallback(
    (exit: RoomExit) => {
      setStage(exit);
      // Ending a concluded ceremony archives it: the refetched page then says the room is closed for good.
      if (exit === 'ended') router.refresh();
    },
    [router],
  );

  if (stage === 'room') {
    return (
      <LiveRoom
        ceremony={ceremony}
        programme={programme}
        signing={signing}
        me={me}
        choices={choices}
        onExit={onExit}
        topBar={<RoomTopBar ceremony={ceremony} isOrganiser={isOrganiser} onChanged={() => router.refresh()} />}
        extraPanels={
          isOrganiser
            ? [
                {
                  id: 'lobby',
                  // The count keeps the door in sight while another tab is open.
                  label: waitingCount > 0 ? t('lobby.tabWaiting', { count: waitingCount }) : t('lobby.tab'),
                  content: <LobbyAdmissions ceremonyId={ceremony.id} lobby={lobby} onChanged={refresh} />,
                },
              ]
            : []
        }
      />
    );
  }

  return (
    <div className="flex flex-col gap-6 rounded-lg bg-[#0f1620] p-6 text-white" data-lk-theme="default">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-white/60">{t('title')}</p>
          <h1 className="font-serif text-3xl">{ceremony.title}</h1>
        </div>
        <Link href={`/ceremonies/${ceremony.id}`} className="text-sm text-white/80 underline">
          {t('backToCeremony')}
        </Link>
      </header>
      {stage === 'prejoin' ? (
        me.role === 'observer' ? (
          <ObserverJoinPanel onJoin={() => void arrive(null)} />
        ) : (
          <PreJoinPanel appearAs={me.roomName} onJoin={(picked) => void arrive(picked)} />
        )
      ) : null}
      {stage === 'lobby' ? <LobbyView capitals={ceremony.capitals} lobby={lobby} failed={failed} onAskAgain={() => void arrive(choices)} /> : null}
      {stage === 'left' || stage === 'ended' ? (
        <section className="flex flex-col items-start gap-3" data-testid={`room-${stage}`}>
          <p role="status">{stage === 'ended' ? t('room.ended') : t('room.left')}</p>
          <button type="button" className="rounded-md bg-white px-4 py-2 font-medium text-[#0f1620]" onClick={() => void arrive(choices)}>
            {stage === 'ended' ? t('room.backToLobby') : t('room.rejoin')}
          </button>
        </section>
      ) : null}
      {stage === 'removed' ? (
        <section role="alert" className="flex flex-col gap-2" data-testid="room-removed">
          <h2 className="font-serif text-2xl">{t('removed.title')}</h2>
          <p className="text-white/80">{t('removed.body')}</p>
        </section>
      ) : null}
    </div>
  );
}

function RoomTopBar({ ceremony, isOrganiser, onChanged }: { ceremony: RoomCeremony; isOrganiser: boolean; onChanged: () => void }) {
  const t = useTranslations('live.room');
  const tStates = useTranslations('states');
  const { run, pending } = useHostAction();
  // After conclusion, ending the call ends the ceremony: it is archived and the room closes for good.
  const endsCeremony = ceremony.state === 'CONCLUDED';
  return (
    <>
      <div className="flex min-w-0 items-center gap-3">
        <h1 className="truncate font-serif text-lg">{ceremony.title}</h1>
        <span className="shrink-0 whitespace-nowrap rounded-full bg-white/10 px-2 py-0.5 text-xs" data-testid="ceremony-state">
          {tStates(ceremony.state as 'LIVE')}
        </span>
      </div>
      <CapitalClocks capitals={ceremony.capitals} />
      {isOrganiser ? (
        <div className="flex gap-2">
          {ceremony.state === 'SCHEDULED' ? (
            <button
              type="button"
              disabled={pending}
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-[#0f1620] disabled:opacity-50"
              onClick={() => run(() => goLiveAction(ceremony.id), onChanged)}
            >
              {t('goLive')}
            </button>
          ) : null}
          <button
            type="button"
            disabled={pending}
            className="rounded-md border border-red-400/70 px-3 py-1.5 text-sm text-red-200 disabled:opacity-50"
            onClick={() => {
              if (window.confirm(endsCeremony ? t('endAndArchiveConfirm') : t('endConfirm'))) run(() => endCeremonyForAllAction(ceremony.id), onChanged);
            }}
            data-testid="end-for-all"
          >
            {endsCeremony ? t('endAndArchive') : t('endForAll')}
          </button>
        </div>
      ) : null}
    </>
  );
}
