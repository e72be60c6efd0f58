'use server';

import { z } from 'zod';
import { actionFailure, runAction } from '@/lib/actions/run-action';
import type { ActionResult } from '@/lib/actions/action-result';
import { admitAllWaiting } from '@/lib/live/admit-all-waiting';
import { admitParticipant } from '@/lib/live/admit-participant';
import { declineParticipant } from '@/lib/live/decline-participant';
import { endCeremonyForAll } from '@/lib/live/end-ceremony-for-all';
import { goLive } from '@/lib/live/go-live';
import { muteParticipantTrack } from '@/lib/live/mute-participant-track';
import { removeParticipant } from '@/lib/live/remove-participant';
import { setLobbyOpen } from '@/lib/live/set-lobby-open';

/** What the room's host controls get back: whether the video room followed the change. */
export type HostActionResult = ActionResult<{ liveRoomUpdated: boolean }>;

const id = z.string().min(1).max(64);

/** Runs a host control; a use-case that does not say otherwise updated the video room. */
function asHost(work: (userId: string) => Promise<{ liveRoomUpdated?: boolean } | object>): Promise<HostActionResult> {
  return runAction(async (userId) => {
    const result = await work(userId);
    return { liveRoomUpdated: 'liveRoomUpdated' in result ? result.liveRoomUpdated !== false : true };
  });
}

const invalid = () => actionFailure('INVALID_INPUT', 'Invalid request.');

export async function admitParticipantAction(ceremonyId: string, participantId: string): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id }).safeParse({ ceremonyId, participantId });
  if (!input.success) return invalid();
  return asHost((userId) => admitParticipant({ ...input.data, userId }));
}

export async function declineParticipantAction(ceremonyId: string, participantId: string): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id }).safeParse({ ceremonyId, participantId });
  if (!input.success) return invalid();
  return asHost((userId) => declineParticipant({ ...input.data, userId }));
}

export async function admitAllWaitingAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asHost((userId) => admitAllWaiting({ ceremonyId: input.data, userId }));
}

export async function setLobbyOpenAction(ceremonyId: string, open: boolean): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, open: z.boolean() }).safeParse({ ceremonyId, open });
  if (!input.success) return invalid();
  return asHost((userId) => setLobbyOpen({ ...input.data, userId }));
}

export async function muteParticipantAction(ceremonyId: string, participantId: string, source: 'microphone' | 'camera'): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id, source: z.enum(['microphone', 'camera']) }).safeParse({ ceremonyId, participantId, source });
  if (!input.success) return invalid();
  return asHost((userId) => muteParticipantTrack({ ...input.data, userId }));
}

export async function removeParticipantAction(ceremonyId: string, participantId: string): Promise<HostActionResult> {
  const input = z.object({ ceremonyId: id, participantId: id }).safeParse({ ceremonyId, participantId });
  if (!input.success) return invalid();
  return asHost((userId) => removeParticipant({ ...input.data, userId }));
}

export async function endCeremonyForAllAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asHost((userId) => endCeremonyForAll({ ceremonyId: input.data, userId }));
}

export async function goLiveAction(ceremonyId: string): Promise<HostActionResult> {
  const input = id.safeParse(ceremonyId);
  if (!input.success) return invalid();
  return asHost((userId) => goLive({ ceremonyId: input.data, userId }));
}
