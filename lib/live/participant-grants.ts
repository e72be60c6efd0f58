import { TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type { ParticipantRole } from '@/lib/live/participant-roles';

/** Everything a participant who speaks may publish: camera, microphone, screen share. */
const speakerSources = [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO];

/**
 * The LiveKit grant for one role in one ceremony's room (hostile cases "Observer
 * signs or publishes" and "Token for another room"). Always bound to that room; nobody may create or list rooms, record, or change
 * their own metadata (it carries their role, which the room trusts). Only the organiser is
 * room admin. Observers (press) watch: no publishing, no data, hidden from everyone.
 */
export function participantGrant(role: ParticipantRole, roomName: string): VideoGrant {
  const base: VideoGrant = {
    room: roomName,
    roomJoin: true,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    canSubscribe: true,
    canUpdateOwnMetadata: false,
  };
  switch (role) {
    case 'organiser':
      return { ...base, roomAdmin: true, canPublish: true, canPublishSources: speakerSources, canPublishData: true };
    case 'signatory':
    case 'witness':
    case 'delegate':
      return { ...base, roomAdmin: false, canPublish: true, canPublishSources: speakerSources, canPublishData: true };
    case 'observer':
      return { ...base, roomAdmin: false, canPublish: false, canPublishSources: [], canPublishData: false, hidden: true };
  }
}
