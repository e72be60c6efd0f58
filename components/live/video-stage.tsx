'use client';

import { GridLayout, ParticipantTile, RoomAudioRenderer, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { RoomControls } from '@/components/live/room-controls';

/**
 * The video grid: every camera (a placeholder for those without one) and screen shares,
 * with LiveKit's tiles (speaking ring, connection quality, mute state) and our controls.
 * An observer is hidden, so no one else ever gets a tile for them; they get none for
 * themselves either.
 */
export function VideoStage({ isObserver }: { isObserver: boolean }) {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  ).filter((track) => !(isObserver && track.participant.isLocal));
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <div className="min-h-0 flex-1" data-testid="video-grid">
        <GridLayout tracks={tracks} style={{ height: '100%' }}>
          <ParticipantTile />
        </GridLayout>
      </div>
      <RoomControls />
      <RoomAudioRenderer />
    </div>
  );
}
