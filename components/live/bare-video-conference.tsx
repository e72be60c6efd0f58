'use client';

import '@livekit/components-styles';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';

/** LiveKit's prefab conference, unconnected: only the size of its JavaScript matters (bench P7). */
export function BareVideoConference() {
  return (
    <LiveKitRoom serverUrl={undefined} token={undefined} connect={false} data-lk-theme="default">
      <VideoConference />
    </LiveKitRoom>
  );
}
