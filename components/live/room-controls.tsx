'use client';

import { DisconnectButton, MediaDeviceMenu, StartAudio, TrackToggle, useLocalParticipantPermissions } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { LogOut } from 'lucide-react';
import { useTranslations } from 'next-intl';

/**
 * Microphone, camera (each with its device menu), screen share and leave: LiveKit's own
 * controls, named in the viewer's language (LiveKit's ControlBar has English or no names).
 * Only what the token allows is shown: an observer gets "leave" alone.
 */
export function RoomControls() {
  const t = useTranslations('live.room');
  const permissions = useLocalParticipantPermissions();
  const canPublish = permissions?.canPublish ?? false;
  return (
    <div className="lk-control-bar" role="group" aria-label={t('controls')}>
      {canPublish ? (
        <>
          <div className="lk-button-group">
            <TrackToggle source={Track.Source.Microphone} aria-label={t('microphone')} title={t('microphone')} />
            <div className="lk-button-group-menu">
              <MediaDeviceMenu kind="audioinput" aria-label={t('chooseMicrophone')} title={t('chooseMicrophone')} />
            </div>
          </div>
          <div className="lk-button-group">
            <TrackToggle source={Track.Source.Camera} aria-label={t('camera')} title={t('camera')} />
            <div className="lk-button-group-menu">
              <MediaDeviceMenu kind="videoinput" aria-label={t('chooseCamera')} title={t('chooseCamera')} />
            </div>
          </div>
          <TrackToggle source={Track.Source.ScreenShare} aria-label={t('screenShare')} title={t('screenShare')} />
        </>
      ) : null}
      <DisconnectButton aria-label={t('leave')} title={t('leave')}>
        <LogOut aria-hidden className="size-4" />
      </DisconnectButton>
      <StartAudio label={t('startAudio')} />
    </div>
  );
}
