import {
  ARCHIVED_STATES,
  EDITABLE_STATES,
  LIVE_STATES,
  OPEN_STATES,
  PUBLISHING_ROLES,
  ROLL_CALL_STATES,
  ROOM_STATES,
  SIGNING_ROLES,
  TAKING_PLACE_STATES,
  isIn,
} from '@/lib/access/access-sets';
import type { DomainErrorReason } from '@/lib/error-reasons';
import type { ErrorParams } from '@/lib/errors';
import { participantRoles, type ParticipantRole } from '@/lib/live/participant-roles';

/**
 * "May this user do X in this ceremony now": one pure decision over an explicit context
 * (the caller's role in the ceremony, their delegation, the ceremony's state, the archivist
 * flag). Loaders build the context (lib/access/require-access.ts, or a hot path's own query)
 * and every use-case asks here. Rules that depend on more than who and when (whose turn it
 * is, a document's own state) stay in their use-case.
 */

export interface AccessContext {
  /** Null: no such ceremony. */
  ceremony: { state: string; rehearsalPlanned: boolean } | null;
  /** Null: the user never took part. */
  participant: { role: ParticipantRole; delegationId: string | null; removed: boolean } | null;
  /** The global archivist role (User.globalRole). */
  archivist: boolean;
}

/** What an action concerns beyond the caller, when its rule needs it. */
export interface AccessTarget {
  /** The delegation of the person the action is about (full powers under review). */
  delegationId?: string | null;
}

/** A refusal's English message (logs, API) and its stable reason (what the UI translates). */
type Refusal = { reason: DomainErrorReason; message: string; params?: ErrorParams };
export type AccessRefusal = { code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE' } & Refusal;
export type AccessDecision = { allowed: true } | ({ allowed: false } & AccessRefusal);

interface Rule {
  /** Per-ceremony roles allowed to act. */
  roles: readonly ParticipantRole[];
  /** The FORBIDDEN refusal for a participant of another role. */
  forbidden?: Refusal;
  /** An archivist may act without taking part (only archive actions). */
  archivist?: true;
  /** An archivist is told this (FORBIDDEN) instead of NOT_FOUND: they know every ceremony exists. */
  archivistForbidden?: Refusal;
  /** When the action is possible; absent: in every state. */
  states?: readonly string[] | ((context: { role: ParticipantRole | 'archivist'; state: string; rehearsalPlanned: boolean }) => boolean);
  /** The INVALID_STATE message; 'hidden': refused as NOT_FOUND instead (the archive does not show unfinished ceremonies). */
  wrongState?: ((state: string) => Refusal) | 'hidden';
  /** A removed participant is told so (they know the ceremony exists); otherwise they are a stranger again. */
  removedIsTold?: true;
  /** A further condition on the target (FORBIDDEN with its message when it fails). */
  target?: { holds: (participant: { delegationId: string | null }, target: AccessTarget) => boolean; forbidden: Refusal };
}

const refusal = (reason: DomainErrorReason, message: string, params?: ErrorParams): Refusal => ({ reason, message, ...(params ? { params } : {}) });
const organiserOnly = (message: string) => refusal('organiser-only', message);
const ORGANISER_ONLY = organiserOnly('Only the ceremony’s organisers can do this.');
const ROOM_ORGANISER_ONLY = organiserOnly('Only the organiser can do this.');
/** A state refusal that names the state (the UI says the state's name in the viewer's language). */
const namingState = (reason: DomainErrorReason, message: (state: string) => string) => (state: string) => refusal(reason, message(state), { state });
const PLAN_FIXED = namingState('plan-fixed', (state) => `The people and documents of a ${state} ceremony can no longer change.`);
const organiser = ['organiser'] as const satisfies readonly ParticipantRole[];
const fixed = (reason: DomainErrorReason, message: string) => () => refusal(reason, message);

const rules = {
  /** Read the ceremony's own pages (overview, documents, signing status). */
  'view-ceremony': { roles: participantRoles },
  /** An organiser's action whose state guard is the state machine (schedule, cancel, workspace). */
  'manage-ceremony': { roles: organiser, forbidden: ORGANISER_ONLY },
  'edit-ceremony': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: namingState('ceremony-not-editable', (state) => `A ${state} ceremony can no longer be edited.`),
  },
  'reschedule-ceremony': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: namingState('ceremony-not-reschedulable', (state) => `A ${state} ceremony can no longer be rescheduled.`),
  },
  'manage-members': { roles: organiser, forbidden: ORGANISER_ONLY, states: EDITABLE_STATES, wrongState: PLAN_FIXED },
  'manage-documents': { roles: organiser, forbidden: ORGANISER_ONLY, states: EDITABLE_STATES, wrongState: PLAN_FIXED },
  'withdraw-document': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: ['DRAFT'],
    wrongState: fixed('documents-withdrawn-in-draft', 'Documents can be withdrawn only while the ceremony is a draft.'),
  },
  'set-signing-order': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: namingState('signing-order-fixed', (state) => `The signing order of a ${state} ceremony is fixed.`),
  },
  'send-invitations': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: ['SCHEDULED'],
    wrongState: fixed('invitations-need-schedule', 'Invitations go out once the ceremony is scheduled.'),
  },
  'edit-programme': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: fixed('programme-locked', 'The programme can be changed only before the ceremony begins.'),
  },
  'plan-rehearsal': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: fixed('rehearsal-before-ceremony', 'The rehearsal is planned before the ceremony.'),
  },
  'send-rehearsal-invitations': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: ['SCHEDULED'],
    wrongState: fixed('rehearsal-invitations-need-schedule', 'Rehearsal invitations go out once the ceremony is scheduled.'),
  },
  'prepare-specimens': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: EDITABLE_STATES,
    wrongState: fixed('specimens-before-ceremony', 'Specimen copies are for the rehearsal before the ceremony.'),
  },
  'publish-summary': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: ARCHIVED_STATES,
    wrongState: fixed('summary-needs-conclusion', 'The public summary can be published once the ceremony is concluded.'),
  },
  'add-summary-photo': {
    roles: organiser,
    forbidden: ORGANISER_ONLY,
    states: ARCHIVED_STATES,
    wrongState: fixed('photo-needs-conclusion', 'The photo is added once the ceremony is concluded.'),
  },
  'download-transmittal': {
    roles: organiser,
    forbidden: organiserOnly('Only the organiser downloads the transmittal.'),
    states: ARCHIVED_STATES,
    wrongState: fixed('transmittal-needs-conclusion', 'The transmittal exists once the ceremony is concluded.'),
  },
  'record-readiness': {
    roles: PUBLISHING_ROLES,
    forbidden: refusal('observers-do-not-publish', 'Observers do not publish, so there is nothing to check.'),
    states: OPEN_STATES,
    wrongState: fixed('ceremony-over', 'The ceremony is over.'),
  },
  /** The full-powers screen: organisers see every signatory's letters, a signatory their own. */
  'view-full-powers': { roles: ['organiser', 'signatory'], forbidden: refusal('full-powers-hidden', 'Only organisers and signatories see full powers.') },
  'approve-full-powers': {
    roles: organiser,
    forbidden: refusal('other-party-reviews', 'Only an organiser examines full powers.'),
    // An approval must come from the other side: an organiser without a delegation is neutral.
    target: {
      holds: (me, target) => me.delegationId === null || me.delegationId !== target.delegationId,
      forbidden: refusal('other-party-reviews', "Full powers are examined by the other party's organiser."),
    },
  },
  /** Host controls: admit, mute, remove, lobby, programme, end the call. */
  'host-room': {
    roles: organiser,
    forbidden: ROOM_ORGANISER_ONLY,
    removedIsTold: true,
    states: ROOM_STATES,
    wrongState: namingState('room-not-running', (state) => `The room cannot be run while the ceremony is ${state}.`),
  },
  'release-pages': {
    roles: organiser,
    forbidden: ROOM_ORGANISER_ONLY,
    removedIsTold: true,
    states: TAKING_PLACE_STATES,
    wrongState: fixed('pages-need-ceremony', 'The pages can be released only for a ceremony that takes place.'),
  },
  'take-roll-call': {
    roles: organiser,
    forbidden: ROOM_ORGANISER_ONLY,
    removedIsTold: true,
    states: ROLL_CALL_STATES,
    wrongState: fixed('roll-call-not-live', 'The roll call is taken while the ceremony is live.'),
  },
  /** Start the ceremony; its state guard is the state machine. */
  'run-ceremony': { roles: organiser, forbidden: ROOM_ORGANISER_ONLY, removedIsTold: true },
  /** Close the ceremony's record (CONCLUDED → ARCHIVED) when the organiser ends the call after conclusion. */
  'archive-ceremony': { roles: organiser, forbidden: ROOM_ORGANISER_ONLY, removedIsTold: true },
  /** Move the run of show: during the rehearsal, while live, and through the closing after conclusion. */
  'run-programme': {
    roles: organiser,
    forbidden: ROOM_ORGANISER_ONLY,
    removedIsTold: true,
    states: ({ state, rehearsalPlanned }) => (rehearsalPlanned && state === 'SCHEDULED') || isIn(LIVE_STATES, state),
    wrongState: fixed('programme-not-live', 'The programme runs only while the ceremony is live.'),
  },
  'wait-in-lobby': {
    roles: participantRoles,
    removedIsTold: true,
    states: ROOM_STATES,
    wrongState: namingState('lobby-closed', (state) => `The lobby is not open while the ceremony is ${state}.`),
  },
  'join-room': {
    roles: participantRoles,
    removedIsTold: true,
    // The organiser opens the room once scheduled (to check the technology, admit people
    // early); the technical rehearsal opens the scheduled room to everyone.
    states: ({ role, state, rehearsalPlanned }) => (rehearsalPlanned && state === 'SCHEDULED') || isIn(role === 'organiser' ? ROOM_STATES : LIVE_STATES, state),
    wrongState: namingState('room-closed', (state) => `The room is not open while the ceremony is ${state}.`),
  },
  'open-signing': { roles: organiser, forbidden: organiserOnly('Only the organiser opens signing.') },
  'conclude-ceremony': { roles: organiser, forbidden: organiserOnly('Only the organiser concludes the ceremony.') },
  'record-exchange': { roles: organiser, forbidden: organiserOnly('Only the organiser records the exchange of originals.') },
  /** Who signs at all; whose turn it is and when signing is open is the signing domain's. */
  sign: {
    roles: SIGNING_ROLES,
    forbidden: refusal('signers-only', 'Only signatories and witnesses sign.'),
    archivistForbidden: refusal('archivist-cannot-sign', 'Archivists cannot sign.'),
  },
  'try-signing-pad': {
    roles: SIGNING_ROLES,
    forbidden: refusal('signers-only', 'Only signatories and witnesses try the signing pad.'),
    states: ({ state, rehearsalPlanned }) => state === 'SCHEDULED' && rehearsalPlanned,
    wrongState: fixed('signing-pad-in-rehearsal', 'The signing pad is tried during the technical rehearsal.'),
  },
  /** A concluded ceremony in the archive: any for an archivist, their own for an organiser; everything else looks absent. */
  'view-archive': { roles: organiser, archivist: true, states: ARCHIVED_STATES, wrongState: 'hidden' },
} as const satisfies Record<string, Rule>;

export type AccessAction = keyof typeof rules;
export const accessActions = Object.keys(rules) as AccessAction[];

const NOT_FOUND: AccessRefusal = { code: 'NOT_FOUND', reason: 'ceremony-not-found', message: 'Ceremony not found' };
const REMOVED = refusal('removed-from-ceremony', 'The organiser has removed you from this ceremony.');
const refuse = (refused: AccessRefusal): AccessDecision => ({ allowed: false, ...refused });

export function decideAccess(context: AccessContext, action: AccessAction, target: AccessTarget = {}): AccessDecision {
  const rule: Rule = rules[action];
  const { ceremony, participant } = context;
  if (!ceremony) return refuse(NOT_FOUND);
  const byArchive = rule.archivist === true && context.archivist;
  let role: ParticipantRole | 'archivist';
  if (byArchive) {
    role = 'archivist';
  } else {
    if (!participant) return refuse(context.archivist && rule.archivistForbidden ? { code: 'FORBIDDEN', ...rule.archivistForbidden } : NOT_FOUND);
    if (participant.removed) return refuse(rule.removedIsTold ? { code: 'FORBIDDEN', ...REMOVED } : NOT_FOUND);
    if (!rule.roles.includes(participant.role)) {
      // An archive action refuses everyone else as a stranger: the archive shows nothing it does not let you read.
      return refuse(rule.forbidden && rule.wrongState !== 'hidden' ? { code: 'FORBIDDEN', ...rule.forbidden } : NOT_FOUND);
    }
    role = participant.role;
    if (rule.target && !rule.target.holds(participant, target)) return refuse({ code: 'FORBIDDEN', ...rule.target.forbidden });
  }
  const { states } = rule;
  const inState =
    states === undefined ||
    (typeof states === 'function' ? states({ role, state: ceremony.state, rehearsalPlanned: ceremony.rehearsalPlanned }) : isIn(states, ceremony.state));
  if (!inState) {
    if (rule.wrongState === 'hidden' || rule.wrongState === undefined) return refuse(NOT_FOUND);
    return refuse({ code: 'INVALID_STATE', ...rule.wrongState(ceremony.state) });
  }
  return { allowed: true };
}
