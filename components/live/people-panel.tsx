'use client';

import { useParticipants } from '@livekit/components-react';
import { MicOff, UserX, VideoOff } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { muteParticipantAction, removeParticipantAction } from '@/app/ceremonies/[id]/room/actions';
import { useHostAction } from '@/components/live/host-action';
import { parseRoomParticipantMetadata } from '@/lib/live/participant-roles';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** Who is in the room (observers never appear: LiveKit hides them); host controls for the organiser. */
export function PeoplePanel({ ceremonyId, isOrganiser }: { ceremonyId: string; isOrganiser: boolean }) {
  const t = useTranslations('live.people');
  const tRoles = useTranslations('roles');
  const participants = useParticipants();
  const { run, pending } = useHostAction();
  return (
    <div className="flex flex-col gap-2" data-testid="people-panel">
      <h2 className="font-medium">{t('count', { count: participants.length })}</h2>
      <ul className="flex flex-col gap-2">
        {participants.map((participant) => {
          const metadata = parseRoomParticipantMetadata(participant.metadata);
          const name = participant.name || participant.identity;
          const controllable = isOrganiser && !participant.isLocal && metadata && metadata.role !== 'organiser';
          return (
            <li
              key={participant.identity}
              className="flex items-center justify-between gap-2 rounded-md bg-white/5 px-3 py-2 text-sm"
              data-testid="people-entry"
              data-identity={participant.identity}
            >
              <span className="min-w-0">
                <span className="block truncate font-medium">
                  {name} {participant.isLocal ? t('you') : null}
                </span>
                {metadata ? <span className="text-xs text-white/60">{tRoles(metadata.role)}</span> : null}
              </span>
              {controllable ? (
                <span className="flex shrink-0 gap-1">
                  <button
                    type="button"
                    title={t('muteMicrophone', { name })}
                    aria-label={t('muteMicrophone', { name })}
                    disabled={pending || !participant.isMicrophoneEnabled}
                    className="rounded-md border border-white/30 p-1.5 disabled:opacity-40"
                    onClick={() => run(() => muteParticipantAction(ceremonyId, metadata.participantId, 'microphone'))}
                  >
                    <MicOff aria-hidden className="size-4" />
                  </button>
                  <button
                    type="button"
                    title={t('turnOffCamera', { name })}
                    aria-label={t('turnOffCamera', { name })}
                    disabled={pending || !participant.isCameraEnabled}
                    className="rounded-md border border-white/30 p-1.5 disabled:opacity-40"
                    onClick={() => run(() => muteParticipantAction(ceremonyId, metadata.participantId, 'camera'))}
                  >
                    <VideoOff aria-hidden className="size-4" />
                  </button>
                  <button
                    type="button"
                    title={t('remove', { name })}
                    aria-label={t('remove', { name })}
                    disabled={pending}
                    className="rounded-md border border-red-400/60 p-1.5 text-red-300 disabled:opacity-40"
                    onClick={() => {
                      if (window.confirm(t('removeConfirm', withFinalSounds({ name })))) run(() => removeParticipantAction(ceremonyId, metadata.participantId));
                    }}
                  >
                    <UserX aria-hidden className="size-4" />
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
