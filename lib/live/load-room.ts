import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { roomDisplayName } from '@/lib/live/create-room-token';
import { isParticipantRole, type ParticipantRole } from '@/lib/live/participant-roles';
import { isAdmitted, mayEnterRoom, mayWaitInLobby } from '@/lib/live/room-access';
import { loadRoomProgramme, type RoomProgramme } from '@/lib/protocol/load-room-programme';
import { parsePageSizes } from '@/lib/documents/validate-field-placement';
import { loadSigningStatus, type SigningStatus } from '@/lib/signing/load-signing-status';

export interface RoomDocument {
  id: string;
  title: string;
  language: string;
  pageCount: number;
  /** Per page: the lower-left corner of the visible page box in PDF user space (fields are relative to it). */
  pageOrigins: [number, number][];
  /** The viewer's own fields not yet signed, highlighted when it is their turn; a confirmation names each one it showed. */
  myOpenFields: { page: number; x: number; y: number; width: number; height: number; kind: string; fieldName: string }[];
  /** Alternat: the delegation whose original this is (null for a shared agreement). */
  partyName: string | null;
}

export interface RoomCeremony {
  id: string;
  title: string;
  state: string;
  lobbyOpen: boolean;
  capitals: { name: string; timeZone: string }[];
  documents: RoomDocument[];
}

export interface RoomMe {
  participantId: string;
  userId: string;
  role: ParticipantRole;
  /** As LiveKit shows it: display name and delegation */
  roomName: string;
  /** As on signatures: what the signature capture proposes to type */
  displayName: string;
  admitted: boolean;
  mayEnterRoom: boolean;
  /** Press tier: observers see pages only once the organiser releases them. */
  pagesVisible: boolean;
}

export type RoomView =
  | { kind: 'removed'; title: string }
  | { kind: 'closed'; title: string; state: string; role: ParticipantRole }
  | { kind: 'open'; ceremony: RoomCeremony; me: RoomMe; signing: SigningStatus; programme: RoomProgramme };

/** Everything the room page renders, as the caller may see it. Non-participants: NOT_FOUND. */
export async function loadRoom({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<RoomView> {
  const participant = await db.participant.findUnique({
    where: { ceremonyId_userId: { ceremonyId, userId } },
    select: {
      id: true,
      role: true,
      displayName: true,
      admittedAt: true,
      removedAt: true,
      delegation: { select: { name: true } },
      ceremony: {
        select: {
          id: true,
          title: true,
          state: true,
          lobbyOpen: true,
          rehearsalStart: true,
          pagesReleasedAt: true,
          delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, capitalName: true, capitalTimeZone: true } },
          documents: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              specimen: true,
              title: true,
              language: true,
              pageCount: true,
              pageSizes: true,
              originalForDelegationId: true,
              fields: {
                where: { signatureId: null },
                select: { participantId: true, kind: true, fieldName: true, page: true, x: true, y: true, width: true, height: true },
              },
            },
          },
        },
      },
    },
  });
  if (!participant || !isParticipantRole(participant.role)) throw notFound('Ceremony not found', 'ceremony-not-found');
  const { ceremony } = participant;
  if (participant.removedAt) return { kind: 'removed', title: ceremony.title };
  if (!mayWaitInLobby(ceremony.state)) return { kind: 'closed', title: ceremony.title, state: ceremony.state, role: participant.role };

  const role = participant.role;
  // The technical rehearsal shows the SPECIMEN copies once they are made; otherwise the agreement.
  const rehearsing = ceremony.state === 'SCHEDULED' && ceremony.rehearsalStart !== null && ceremony.documents.some((document) => document.specimen);
  const seenZones = new Set<string>();
  const capitals = ceremony.delegations
    .filter((delegation) => !seenZones.has(delegation.capitalTimeZone) && seenZones.add(delegation.capitalTimeZone))
    .map((delegation) => ({ name: delegation.capitalName, timeZone: delegation.capitalTimeZone }));
  return {
    kind: 'open',
    ceremony: {
      id: ceremony.id,
      title: ceremony.title,
      state: ceremony.state,
      lobbyOpen: ceremony.lobbyOpen,
      capitals,
      documents: ceremony.documents
        .filter((document) => document.specimen === rehearsing)
        .map(({ pageSizes, fields, specimen: _specimen, originalForDelegationId, ...document }) => ({
          ...document,
          pageOrigins: parsePageSizes(pageSizes).map((page): [number, number] => [page.originX, page.originY]),
          myOpenFields: fields
            .filter((field) => field.participantId === participant.id)
            .map(({ page, x, y, width, height, kind, fieldName }) => ({ page, x, y, width, height, kind, fieldName })),
          partyName: ceremony.delegations.find((delegation) => delegation.id === originalForDelegationId)?.name ?? null,
        })),
    },
    me: {
      participantId: participant.id,
      userId,
      role,
      roomName: roomDisplayName(participant.displayName, participant.delegation?.name),
      displayName: participant.displayName,
      admitted: isAdmitted({ role, admittedAt: participant.admittedAt }, ceremony.lobbyOpen),
      mayEnterRoom: mayEnterRoom(role, ceremony.state, ceremony.rehearsalStart !== null),
      pagesVisible: role !== 'observer' || ceremony.pagesReleasedAt !== null,
    },
    signing: await loadSigningStatus({ ceremonyId, userId }),
    programme: await loadRoomProgramme(db, { ceremonyId, isOrganiser: role === 'organiser' }),
  };
}
