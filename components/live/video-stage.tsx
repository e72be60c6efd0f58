'use client';

import { FocusLayout, GridLayout, ParticipantTile, RoomAudioRenderer, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { RoomControls } from '@/components/live/room-controls';
import { useSpotlight } from '@/components/live/use-spotlight';

/**
 * The video grid: every camera (a placeholder for those without one) and screen shares,
 * with LiveKit's tiles (speaking ring, connection quality, mute state) and our controls.
 * An observer is hidden, so no one else ever gets a tile for them; they get none for
 * themselves either. While a signatory signs (the room's spotlight), their tile alone fills
 * the stage; the grid returns afterwards.
 */
export function VideoStage({ isObserver }: { isObserver: boolean }) {
  const spotlightIdentity = useSpotlight().spotlight?.participantIdentity ?? null;
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  ).filter((track) => !(isObserver && track.participant.isLocal));
  const focused = spotlightIdentity
    ? tracks.find((track) => track.participant.identity === spotlightIdentity && track.source === Track.Source.Camera)
    : undefined;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      {focused ? (
        <div className="relative min-h-0 flex-1 overflow-hidden" data-testid="video-spotlight" data-identity={spotlightIdentity}>
          <FocusLayout trackRef={focused} style={{ height: '100%' }} />
        </div>
      ) : (
        <div className="relative min-h-0 flex-1 overflow-hidden" data-testid="video-grid">
          <GridLayout tracks={tracks} style={{ height: '100%' }}>
            <ParticipantTile />
          </GridLayout>
        </div>
      )}
      <RoomControls />
      <RoomAudioRenderer />
    </div>
  );
}
