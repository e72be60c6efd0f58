'use server';

import { z } from 'zod';
import { getSessionUser } from '@/lib/auth';
import { isAppError, type ErrorCode } from '@/lib/errors';
import { admitAllWaiting } from '@/lib/live/admit-all-waiting';
import { admitParticipant } from '@/lib/live/admit-participant';
import { endCeremonyForAll } from '@/lib/live/end-ceremony-for-all';
import { goLive } from '@/lib/live/go-live';
import { muteParticipantTrack } from '@/lib/live/mute-participant-track';
import { removeParticipant } from '@/lib/live/remove-participant';
import { setLobbyOpen } from '@/lib/live/set-lobby-open';

/** What the room's host controls get back; `code` maps to messages `errors.<code>`. */
export type HostActionResult = { ok: true; liveRoomUpdated: boolean } | { ok: false; code: ErrorCode; message: string };

const id = z.string().min(1).max(64);

async function asSignedInUser(work: (userId: string) => Promise<{ liveRoomUpdated?: boolean } | object>): Promise<HostActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    const result = await work(user.id);
    return { ok: true, liveRoomUpdated: 'liveRoomUpdated' in result ? result.liveRoomUpdated !== false : true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
    console.error(error);
    return { ok: false, code: 'INTERNAL', message: 'Something went wrong on our side.' };
  }
}

function invalid(): HostActionResult {
  return { ok: false, code: 'INVALID_INPUT', message: 'Invalid request.' };
}

export async function admitParticipantAction(ceremonyId: string, participantId: string): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id }).safeParse({ ceremonyId, participantId });
  if (!input.success) return invalid();
  return asSignedInUser((userId) => admitParticipant({ ...input.data, userId }));
}

export async function admitAllWaitingAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asSignedInUser((userId) => admitAllWaiting({ ceremonyId: input.data, userId }));
}

export async function setLobbyOpenAction(ceremonyId: string, open: boolean): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, open: z.boolean() }).safeParse({ ceremonyId, open });
  if (!input.success) return invalid();
  return asSignedInUser((userId) => setLobbyOpen({ ...input.data, userId }));
}

export async function muteParticipantAction(ceremonyId: string, participantId: string, source: 'microphone' | 'camera'): Promise<HostActionResult> {
  const input = z
    .object({ ceremonyId: id, participantId: id, source: z.enum(['microphone', 'camera']) })
    .safeParse({ ceremonyId, participantId, source });
  if (!input.success) return invalid();
  return asSignedInUser((userId) => muteParticipantTrack({ ...input.data, userId }));
}

export async function removeParticipantAction(ceremonyId: string, participantId: string): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id }).safeParse({ ceremonyId, participantId });
  if (!input.success) return invalid();
  return asSignedInUser((userId) => removeParticipant({ ...input.data, userId }));
}

export async function endCeremonyForAllAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asSignedInUser((userId) => endCeremonyForAll({ ceremonyId: input.data, userId }));
}

export async function goLiveAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asSignedInUser((userId) => goLive({ ceremonyId: input.data, userId }));
}
