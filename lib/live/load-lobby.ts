import 'server-only';
import { db } from '@/lib/db';
import { loadLiveParticipant } from '@/lib/live/load-live-participant';
import { isParticipantRole } from '@/lib/live/participant-roles';
import { isAdmitted, mayEnterRoom } from '@/lib/live/room-access';
import { ARRIVED_EVENT } from '@/lib/live/request-to-join';

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
  me: { admitted: boolean; mayEnterRoom: boolean };
  /** Who is at the door or inside. The organiser sees everyone; others do not see the press. */
  arrivals: LobbyArrival[];
}

/** What the lobby shows the caller; polled every few seconds while someone waits. */
export async function loadLobby({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<LobbyState> {
  const me = await loadLiveParticipant(db, { ceremonyId, userId });
  const { ceremony } = me;
  const arrivedEvents = await db.auditEvent.findMany({
    where: { ceremonyId, kind: ARRIVED_EVENT },
    orderBy: { seq: 'asc' },
    select: { actorUserId: true, createdAt: true },
  });
  const arrivedAtByUser = new Map<string, Date>();
  for (const event of arrivedEvents) {
    if (event.actorUserId && !arrivedAtByUser.has(event.actorUserId)) arrivedAtByUser.set(event.actorUserId, event.createdAt);
  }
  const people = await db.participant.findMany({
    where: {
      ceremonyId,
      removedAt: null,
      userId: { in: [...arrivedAtByUser.keys()] },
      ...(me.role === 'organiser' ? {} : { role: { not: 'observer' } }),
    },
    select: { id: true, userId: true, displayName: true, role: true, admittedAt: true, delegation: { select: { name: true } } },
  });
  const arrivals = people
    .map((person) => ({
      participantId: person.id,
      displayName: person.displayName,
      delegationName: person.delegation?.name ?? null,
      role: person.role,
      arrivedAt: (arrivedAtByUser.get(person.userId) ?? new Date(0)).toISOString(),
      admitted: isParticipantRole(person.role) && isAdmitted({ role: person.role, admittedAt: person.admittedAt }, ceremony.lobbyOpen),
    }))
    .sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
  return {
    ceremonyState: ceremony.state,
    lobbyOpen: ceremony.lobbyOpen,
    me: { admitted: isAdmitted(me, ceremony.lobbyOpen), mayEnterRoom: mayEnterRoom(me.role, ceremony.state, ceremony.rehearsalStart !== null) },
    arrivals,
  };
}
