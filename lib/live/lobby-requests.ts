import 'server-only';
import type { Db, Tx } from '@/lib/db';

export const ARRIVED_EVENT = 'participant.arrived';
export const DECLINED_EVENT = 'participant.declined';

/**
 * Who is asking to come in, read from the ceremony's audit chain: each person's latest
 * arrival, and the organiser's latest decline of them. A decline answers the arrivals
 * before it; arriving again after it is a new request.
 */
export interface LobbyRequests {
  latestArrival: Map<string, { seq: number; at: Date }>;
  latestDecline: Map<string, number>;
}

export async function loadLobbyRequests(client: Db | Tx, ceremonyId: string): Promise<LobbyRequests> {
  const events = await client.auditEvent.findMany({
    where: { ceremonyId, kind: { in: [ARRIVED_EVENT, DECLINED_EVENT] } },
    orderBy: { seq: 'asc' },
    select: { seq: true, kind: true, actorUserId: true, payload: true, createdAt: true },
  });
  const latestArrival = new Map<string, { seq: number; at: Date }>();
  const latestDecline = new Map<string, number>();
  for (const event of events) {
    if (event.kind === ARRIVED_EVENT && event.actorUserId) latestArrival.set(event.actorUserId, { seq: event.seq, at: event.createdAt });
    if (event.kind === DECLINED_EVENT) {
      const { participantId } = JSON.parse(event.payload) as { participantId?: unknown };
      if (typeof participantId === 'string') latestDecline.set(participantId, event.seq);
    }
  }
  return { latestArrival, latestDecline };
}

/** The person has arrived and the organiser has not declined that request (admitted or not). */
export function hasOpenRequest(requests: LobbyRequests, person: { id: string; userId: string }): boolean {
  const arrival = requests.latestArrival.get(person.userId);
  return arrival !== undefined && !isDeclined(requests, person);
}

/** The organiser declined the person's latest request and they have not asked again since. */
export function isDeclined(requests: LobbyRequests, person: { id: string; userId: string }): boolean {
  const arrival = requests.latestArrival.get(person.userId);
  const decline = requests.latestDecline.get(person.id);
  return arrival !== undefined && decline !== undefined && decline > arrival.seq;
}
