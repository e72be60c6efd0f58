import 'server-only';
import { db } from '@/lib/db';
import { hasOpenRequest, isDeclined, loadLobbyRequests } from '@/lib/live/lobby-requests';
import { loadLiveParticipant } from '@/lib/live/load-live-participant';
import { isParticipantRole } from '@/lib/live/participant-roles';
import { isAdmitted, mayEnterRoom } from '@/lib/live/room-access';

export interface LobbyArrival {
  participantId: string;
  displayName: string;
  delegationName: string | null;
  role: string;
  arrivedAt: string;
  admitted: boolean;
}

export interface LobbyState {
  ceremonyState: string;
  lobbyOpen: boolean;
  /** `declined`: the organiser turned down my latest request; I may ask again. */
  me: { admitted: boolean; mayEnterRoom: boolean; declined: boolean };
  /** Who is at the door or inside (not those declined). The organiser sees everyone; others do not see the press. */
  arrivals: LobbyArrival[];
}

/** What the lobby shows the caller; polled every few seconds while someone waits. */
export async function loadLobby({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<LobbyState> {
  const me = await loadLiveParticipant(db, { ceremonyId, userId });
  const { ceremony } = me;
  const requests = await loadLobbyRequests(db, ceremonyId);
  const people = await db.participant.findMany({
    where: {
      ceremonyId,
      removedAt: null,
      userId: { in: [...requests.latestArrival.keys()] },
      ...(me.role === 'organiser' ? {} : { role: { not: 'observer' } }),
    },
    select: { id: true, userId: true, displayName: true, role: true, admittedAt: true, delegation: { select: { name: true } } },
  });
  const arrivals = people
    .filter((person) => hasOpenRequest(requests, person))
    .map((person) => ({
      participantId: person.id,
      displayName: person.displayName,
      delegationName: person.delegation?.name ?? null,
      role: person.role,
      // The latest request: someone asking again after a decline is new at the door.
      arrivedAt: (requests.latestArrival.get(person.userId)?.at ?? new Date(0)).toISOString(),
      admitted: isParticipantRole(person.role) && isAdmitted({ role: person.role, admittedAt: person.admittedAt }, ceremony.lobbyOpen),
    }))
    .sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
  const admitted = isAdmitted(me, ceremony.lobbyOpen);
  return {
    ceremonyState: ceremony.state,
    lobbyOpen: ceremony.lobbyOpen,
    me: {
      admitted,
      mayEnterRoom: mayEnterRoom(me.role, ceremony.state, ceremony.rehearsalStart !== null),
      declined: !admitted && isDeclined(requests, me),
    },
    arrivals,
  };
}
