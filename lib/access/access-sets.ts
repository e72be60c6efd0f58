import type { CeremonyState } from '@/lib/ceremonies/ceremony-state';
import type { ParticipantRole } from '@/lib/live/participant-roles';

/**
 * The named sets of ceremony states and roles that permissions speak of, each defined once.
 * Pure: server, client and tests read the same lists.
 */

/** The plan (people, documents, fields, programme, rehearsal) may still change. */
export const EDITABLE_STATES = ['DRAFT', 'SCHEDULED'] as const satisfies readonly CeremonyState[];
/** Not over yet: full powers, readiness checks. */
export const OPEN_STATES = ['DRAFT', 'SCHEDULED', 'LIVE', 'SIGNING'] as const satisfies readonly CeremonyState[];
/** Before signing opens: what signers are asked to confirm may still be reworded. */
export const BEFORE_SIGNING_STATES = ['DRAFT', 'SCHEDULED', 'LIVE'] as const satisfies readonly CeremonyState[];
/** The ceremony is under way for everyone: room, programme, closing after conclusion. */
export const LIVE_STATES = ['LIVE', 'SIGNING', 'CONCLUDED'] as const satisfies readonly CeremonyState[];
/** The lobby is open and the organiser may run the room: from scheduling until archived. */
export const ROOM_STATES = ['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED'] as const satisfies readonly CeremonyState[];
/** Delegations are present and can be counted. */
export const ROLL_CALL_STATES = ['LIVE', 'SIGNING'] as const satisfies readonly CeremonyState[];
/** The ceremony takes place (not a draft, not cancelled): pages may go to the press. */
export const TAKING_PLACE_STATES = ['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED', 'ARCHIVED'] as const satisfies readonly CeremonyState[];
/** Concluded, sealed and in the archive. */
export const ARCHIVED_STATES = ['CONCLUDED', 'ARCHIVED'] as const satisfies readonly CeremonyState[];
/** Nothing more happens in the room. */
export const OVER_STATES = ['CONCLUDED', 'ARCHIVED', 'CANCELLED'] as const satisfies readonly CeremonyState[];

/** Roles whose holders have fields to sign. */
export const SIGNING_ROLES = ['signatory', 'witness'] as const satisfies readonly ParticipantRole[];
/** Roles that publish camera and microphone (everyone but the press). */
export const PUBLISHING_ROLES = ['organiser', 'signatory', 'witness', 'delegate'] as const satisfies readonly ParticipantRole[];

/** `set` holds `value`; takes any string, so callers need not narrow first. */
export function isIn(set: readonly string[], value: string | null | undefined): boolean {
  return value !== null && value !== undefined && set.includes(value);
}

export function isPlanEditable(state: string): boolean {
  return isIn(EDITABLE_STATES, state);
}

export function isArchivedState(state: string): boolean {
  return isIn(ARCHIVED_STATES, state);
}

export function isSigningRole(role: string): boolean {
  return isIn(SIGNING_ROLES, role);
}

/** Global roles (User.globalRole) that may open new ceremonies. */
const CEREMONY_CREATOR_GLOBAL_ROLES = ['organiser', 'admin'] as const;
/** Global roles the archive is offered to (organisers see only their own ceremonies there). */
export const ARCHIVE_GLOBAL_ROLES = ['archivist', 'organiser'] as const;

export function mayCreateCeremonies(globalRole: string | null | undefined): boolean {
  return isIn(CEREMONY_CREATOR_GLOBAL_ROLES, globalRole);
}
