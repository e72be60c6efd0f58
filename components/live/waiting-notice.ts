import type { LobbyArrival } from '@/lib/live/load-lobby';

type Waiting = Pick<LobbyArrival, 'participantId' | 'displayName' | 'arrivedAt' | 'admitted'>;

/** One request to come in: asking again after a decline is a new request (a new arrival time). */
export function requestKey(person: Pick<LobbyArrival, 'participantId' | 'arrivedAt'>): string {
  return `${person.participantId}@${person.arrivedAt}`;
}

/** Who is waiting now and has not been announced to the organiser yet, in order of arrival. */
export function newlyWaiting<Person extends Waiting>(arrivals: readonly Person[], announced: ReadonlySet<string>): Person[] {
  return arrivals.filter((person) => !person.admitted && !announced.has(requestKey(person)));
}

/**
 * What the notice says and offers: one person can be admitted or declined from the notice
 * itself; for several at once it offers to admit everyone (declining stays a choice per person,
 * in the lobby tab).
 */
export type WaitingNotice = { kind: 'one'; participantId: string; name: string } | { kind: 'several'; count: number };

export function waitingNotice(newcomers: readonly Waiting[]): WaitingNotice | null {
  const [first] = newcomers;
  if (!first) return null;
  return newcomers.length === 1 ? { kind: 'one', participantId: first.participantId, name: first.displayName } : { kind: 'several', count: newcomers.length };
}

/** The notice's text (messages `live.lobby.waitingNotice`: a plural over count, naming one person). */
export function waitingNoticeValues(notice: WaitingNotice): { count: number; name: string } {
  return notice.kind === 'one' ? { count: 1, name: notice.name } : { count: notice.count, name: '' };
}

export const LOBBY_SOUND_KEY = 'accord.lobbySound';

/** The sound is on unless the organiser turned it off on this device. */
export function lobbySoundOn(stored: string | null): boolean {
  return stored !== 'off';
}
