import { decideAccess, type AccessContext } from '@/lib/access/decide-access';
import type { ParticipantRole } from '@/lib/live/participant-roles';

/**
 * When someone may be in the ceremony's room or its lobby (decided by lib/access, 'join-room'
 * and 'wait-in-lobby'). Pure: the token use-case enforces it, the room page uses it to say
 * "not yet" or "over". Everyone stays for the closing remarks and photo after conclusion
 * until the organiser ends the ceremony, which archives it and closes the room for good.
 */
function asParticipant(role: ParticipantRole, state: string, rehearsalPlanned: boolean): AccessContext {
  return { ceremony: { state, rehearsalPlanned }, participant: { role, delegationId: null, removed: false }, archivist: false };
}

export function mayEnterRoom(role: ParticipantRole, ceremonyState: string, rehearsalPlanned = false): boolean {
  return decideAccess(asParticipant(role, ceremonyState, rehearsalPlanned), 'join-room').allowed;
}

/** People may wait in the lobby from the moment the ceremony is scheduled until it is archived. */
export function mayWaitInLobby(ceremonyState: string): boolean {
  return decideAccess(asParticipant('delegate', ceremonyState, false), 'wait-in-lobby').allowed;
}

/** The organiser never waits; others wait until admitted or until the room is opened. */
export function isAdmitted(participant: { role: ParticipantRole; admittedAt: Date | null }, lobbyOpen: boolean): boolean {
  return participant.role === 'organiser' || participant.admittedAt !== null || lobbyOpen;
}
