import 'server-only';
import { AccessToken } from 'livekit-server-sdk';
import { assertAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { ensureRoom } from '@/lib/live/ensure-room';
import { liveKitClientUrl } from '@/lib/live/livekit-clients';
import { participantGrant } from '@/lib/live/participant-grants';
import { isParticipantRole, type RoomParticipantMetadata } from '@/lib/live/participant-roles';
import { isAdmitted } from '@/lib/live/room-access';

/** Short: a removed participant's last token is useless soon (LiveKit has no revocation list). */
const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

export interface RoomToken {
  serverUrl: string;
  token: string;
}

/**
 * A LiveKit access token for the caller in this ceremony's room. The
 * server alone mints tokens: identity = user id (a second tab replaces the first, roles
 * survive reconnects), grants by role, this room only.
 */
export async function createRoomToken({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<RoomToken> {
  const participant = await loadTokenSubject(ceremonyId, userId);
  const { role } = participant;
  assertAccess(
    {
      ceremony: { state: participant.ceremonyState, rehearsalPlanned: participant.rehearsalPlanned },
      participant: { role, delegationId: participant.delegationId, removed: participant.removed },
      archivist: false,
    },
    'join-room',
  );
  if (!isAdmitted({ role, admittedAt: participant.admitted ? new Date(0) : null }, participant.lobbyOpen)) {
    // A state of the admission, not a refusal: 409, so the client goes back to the lobby (403 means removed).
    throw new AppError('INVALID_STATE', 'Please wait in the lobby until the organiser admits you.', undefined, { reason: 'wait-for-admission' });
  }

  await ensureRoom(participant.roomName);

  const metadata: RoomParticipantMetadata = { role, participantId: participant.participantId, delegationId: participant.delegationId };
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: userId,
    name: roomDisplayName(participant.displayName, participant.delegationName),
    metadata: JSON.stringify(metadata),
    ttl: ROOM_TOKEN_TTL_SECONDS,
  });
  token.addGrant(participantGrant(role, participant.roomName));
  return { serverUrl: liveKitClientUrl(), token: await token.toJwt() };
}

interface TokenSubjectRow {
  participantId: string;
  role: string;
  displayName: string;
  delegationId: string | null;
  delegationName: string | null;
  admitted: unknown;
  removed: unknown;
  ceremonyState: string;
  roomName: string;
  lobbyOpen: unknown;
  rehearsalPlanned: unknown;
}

/** SQLite answers 0/1 (or 0n/1n), PostgreSQL true/false. */
const truthy = (value: unknown) => value === true || Number(value) === 1;

/**
 * The caller's participation in one query: the token route is the room's hot path (budget
 * P6, 200 people joining at once), and Prisma would issue one query per relation.
 * Strangers and removed participants are refused by lib/access, as everywhere.
 */
async function loadTokenSubject(ceremonyId: string, userId: string) {
  const rows = await db.$queryRaw<TokenSubjectRow[]>`
    SELECT p."id" AS "participantId", p."role" AS "role", p."displayName" AS "displayName",
           p."delegationId" AS "delegationId", d."name" AS "delegationName",
           CASE WHEN p."admittedAt" IS NULL THEN 0 ELSE 1 END AS "admitted",
           CASE WHEN p."removedAt" IS NULL THEN 0 ELSE 1 END AS "removed",
           c."state" AS "ceremonyState", c."roomName" AS "roomName", c."lobbyOpen" AS "lobbyOpen",
           CASE WHEN c."rehearsalStart" IS NULL THEN 0 ELSE 1 END AS "rehearsalPlanned"
    FROM "Participant" p
    JOIN "Ceremony" c ON c."id" = p."ceremonyId"
    LEFT JOIN "Delegation" d ON d."id" = p."delegationId"
    WHERE p."ceremonyId" = ${ceremonyId} AND p."userId" = ${userId}`;
  const row = rows[0];
  if (!row) throw notFound('Ceremony not found', 'ceremony-not-found');
  if (!isParticipantRole(row.role)) throw new AppError('INTERNAL', `Unknown participant role "${row.role}"`);
  return {
    ...row,
    role: row.role,
    removed: truthy(row.removed),
    admitted: truthy(row.admitted),
    lobbyOpen: truthy(row.lobbyOpen),
    rehearsalPlanned: truthy(row.rehearsalPlanned),
  };
}

/** "Dr. Anna Weber (Labs Network Industrie 4.0)": who someone is and for whom they speak. */
export function roomDisplayName(displayName: string, delegationName: string | undefined | null): string {
  return delegationName ? `${displayName} (${delegationName})` : displayName;
}
