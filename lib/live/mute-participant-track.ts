import 'server-only';
import { TrackSource } from 'livekit-server-sdk';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getRoomService, isLiveKitNotFound } from '@/lib/live/livekit-clients';
import { requireLiveAccess, loadTargetParticipant } from '@/lib/live/load-live-participant';
import { notifyRoom } from '@/lib/live/notify-room';
import { roomTopics } from '@/lib/live/room-messages';

export type MutableSource = 'microphone' | 'camera';

const trackSources: Record<MutableSource, TrackSource> = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
};

/**
 * The organiser mutes someone's microphone or camera in the live room. The track is found
 * on the server by its source (the browser never names a track to mute); the muted person
 * is told who did it. They may unmute themselves again, as in any meeting.
 */
export async function muteParticipantTrack({
  ceremonyId,
  userId,
  participantId,
  source,
}: {
  ceremonyId: string;
  userId: string;
  participantId: string;
  source: MutableSource;
}) {
  const organiser = await requireLiveAccess(db, { ceremonyId, userId }, 'host-room');
  const target = await loadTargetParticipant(db, { ceremonyId, participantId });
  const roomName = organiser.ceremony.roomName;
  const roomService = getRoomService();

  let trackSid: string;
  try {
    const inRoom = await roomService.getParticipant(roomName, target.userId);
    const track = inRoom.tracks.find((candidate) => candidate.source === trackSources[source] && !candidate.muted);
    if (!track)
      throw new AppError('INVALID_STATE', `${target.displayName} has no ${source} switched on.`, undefined, {
        reason: source === 'camera' ? 'camera-not-on' : 'microphone-not-on',
        params: { name: target.displayName },
      });
    trackSid = track.sid;
    await roomService.mutePublishedTrack(roomName, target.userId, trackSid, true);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isLiveKitNotFound(error))
      throw new AppError('INVALID_STATE', `${target.displayName} is not in the room.`, undefined, {
        reason: 'participant-not-in-room',
        params: { name: target.displayName },
      });
    console.error(`LiveKit mutePublishedTrack(${roomName}, ${target.userId}) failed:`, error);
    throw new AppError('SERVICE_UNAVAILABLE', 'The video service is unreachable; nobody was muted.', undefined, { reason: 'video-service-unreachable' });
  }

  await transaction(async (tx) => {
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'participant.muted',
      payload: { participantId: target.id, source, trackSid },
    });
  });
  await notifyRoom(roomName, { topic: roomTopics.host, message: { kind: 'muted', source } }, { destinationIdentities: [target.userId] });
  return { muted: true };
}
