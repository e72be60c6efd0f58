import type { ParticipantRole } from '@/lib/live/participant-roles';

/**
 * When someone may be in the ceremony's room or its lobby. Pure: the token use-case
 * enforces it, the room page uses it to say "not yet" or "over".
 * The organiser may open the room as soon as the ceremony is scheduled (to check the
 * technology, admit people early); everyone else enters while it is LIVE or SIGNING, and
 * stays for the closing remarks and photo after conclusion (CONCLUDED) until the organiser
 * ends the ceremony, which archives it and closes the room for good.
 */
const roomStatesByRole = {
  organiser: ['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED'],
  others: ['LIVE', 'SIGNING', 'CONCLUDED'],
} as const satisfies Record<string, readonly string[]>;

/** People may wait in the lobby from the moment the ceremony is scheduled until it is archived. */
const lobbyStates: readonly string[] = ['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED'];

export function mayEnterRoom(role: ParticipantRole, ceremonyState: string, rehearsalPlanned = false): boolean {
  // The technical rehearsal uses the same room before the day: once it is planned,
  // admitted participants may enter the scheduled ceremony's room too.
  if (rehearsalPlanned && ceremonyState === 'SCHEDULED') return true;
  const states: readonly string[] = role === 'organiser' ? roomStatesByRole.organiser : roomStatesByRole.others;
  return states.includes(ceremonyState);
}

export function mayWaitInLobby(ceremonyState: string): boolean {
  return lobbyStates.includes(ceremonyState);
}

/** The organiser never waits; others wait until admitted or until the room is opened. */
export function isAdmitted(participant: { role: ParticipantRole; admittedAt: Date | null }, lobbyOpen: boolean): boolean {
  return participant.role === 'organiser' || participant.admittedAt !== null || lobbyOpen;
}
