import { describe, expect, it } from 'vitest';
import { accessActions, decideAccess, type AccessAction, type AccessContext } from '@/lib/access/decide-access';
import { ceremonyStates, type CeremonyState } from '@/lib/ceremonies/ceremony-state';
import { participantRoles, type ParticipantRole } from '@/lib/live/participant-roles';

/**
 * The permission table, written out independently of the rules: for every action, who may
 * act and in which states, and how everyone else is refused. Each action is checked for
 * every actor (each role, a removed participant, a stranger, an archivist) in every state,
 * with and without a planned rehearsal.
 */

type Actor = ParticipantRole | 'removed' | 'stranger' | 'archivist';
type Code = 'allowed' | 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_STATE';

const everyone = participantRoles;
const organiser = ['organiser'] as const;
const editable: CeremonyState[] = ['DRAFT', 'SCHEDULED'];
const concluded: CeremonyState[] = ['CONCLUDED', 'ARCHIVED'];
const any = 'any' as const;

interface Expectation {
  roles: readonly ParticipantRole[];
  /** States in which the roles above may act; a function for the few that depend on the role or the rehearsal. */
  states: readonly CeremonyState[] | typeof any | ((role: ParticipantRole | 'archivist', state: CeremonyState, rehearsal: boolean) => boolean);
  /** A participant of another role. */
  wrongRole: Code;
  /** A right role at the wrong time. */
  wrongState: Code;
  /** A participant the organiser removed. */
  removed: Code;
  /** What an archivist (never a participant) gets. */
  archivist: Code | 'like the roles';
}

const plan = (): Expectation => ({
  roles: organiser,
  states: editable,
  wrongRole: 'FORBIDDEN',
  wrongState: 'INVALID_STATE',
  removed: 'NOT_FOUND',
  archivist: 'NOT_FOUND',
});
const organiserAnyTime: Expectation = {
  roles: organiser,
  states: any,
  wrongRole: 'FORBIDDEN',
  wrongState: 'allowed',
  removed: 'NOT_FOUND',
  archivist: 'NOT_FOUND',
};
const host = (states: Expectation['states']): Expectation => ({
  roles: organiser,
  states,
  wrongRole: 'FORBIDDEN',
  wrongState: 'INVALID_STATE',
  removed: 'FORBIDDEN',
  archivist: 'NOT_FOUND',
});

const table: Record<AccessAction, Expectation> = {
  'view-ceremony': { roles: everyone, states: any, wrongRole: 'allowed', wrongState: 'allowed', removed: 'NOT_FOUND', archivist: 'NOT_FOUND' },
  'manage-ceremony': organiserAnyTime,
  'edit-ceremony': plan(),
  'reschedule-ceremony': plan(),
  'manage-members': plan(),
  'manage-documents': plan(),
  'withdraw-document': { ...plan(), states: ['DRAFT'] },
  'set-signing-order': plan(),
  'send-invitations': { ...plan(), states: ['SCHEDULED'] },
  'edit-programme': plan(),
  'plan-rehearsal': plan(),
  'send-rehearsal-invitations': { ...plan(), states: ['SCHEDULED'] },
  'prepare-specimens': plan(),
  'publish-summary': { ...plan(), states: concluded },
  'add-summary-photo': { ...plan(), states: concluded },
  'download-transmittal': { ...plan(), states: concluded },
  'record-readiness': {
    roles: ['organiser', 'signatory', 'witness', 'delegate'],
    states: ['DRAFT', 'SCHEDULED', 'LIVE', 'SIGNING'],
    wrongRole: 'FORBIDDEN',
    wrongState: 'INVALID_STATE',
    removed: 'NOT_FOUND',
    archivist: 'NOT_FOUND',
  },
  'view-full-powers': {
    roles: ['organiser', 'signatory'],
    states: any,
    wrongRole: 'FORBIDDEN',
    wrongState: 'allowed',
    removed: 'NOT_FOUND',
    archivist: 'NOT_FOUND',
  },
  'approve-full-powers': organiserAnyTime,
  'host-room': host(['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED']),
  'release-pages': host(['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED', 'ARCHIVED']),
  'take-roll-call': host(['LIVE', 'SIGNING']),
  'run-ceremony': { ...host(any), wrongState: 'allowed' },
  'archive-ceremony': { ...host(any), wrongState: 'allowed' },
  'run-programme': host((_role, state, rehearsal) => (state === 'SCHEDULED' && rehearsal) || ['LIVE', 'SIGNING', 'CONCLUDED'].includes(state)),
  'wait-in-lobby': {
    roles: everyone,
    states: ['SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED'],
    wrongRole: 'allowed',
    wrongState: 'INVALID_STATE',
    removed: 'FORBIDDEN',
    archivist: 'NOT_FOUND',
  },
  'join-room': {
    roles: everyone,
    states: (role, state, rehearsal) => (state === 'SCHEDULED' && (rehearsal || role === 'organiser')) || ['LIVE', 'SIGNING', 'CONCLUDED'].includes(state),
    wrongRole: 'allowed',
    wrongState: 'INVALID_STATE',
    removed: 'FORBIDDEN',
    archivist: 'NOT_FOUND',
  },
  'open-signing': organiserAnyTime,
  'conclude-ceremony': organiserAnyTime,
  'record-exchange': organiserAnyTime,
  sign: { roles: ['signatory', 'witness'], states: any, wrongRole: 'FORBIDDEN', wrongState: 'allowed', removed: 'NOT_FOUND', archivist: 'FORBIDDEN' },
  'try-signing-pad': {
    roles: ['signatory', 'witness'],
    states: (_role, state, rehearsal) => state === 'SCHEDULED' && rehearsal,
    wrongRole: 'FORBIDDEN',
    wrongState: 'INVALID_STATE',
    removed: 'NOT_FOUND',
    archivist: 'NOT_FOUND',
  },
  'view-archive': { roles: organiser, states: concluded, wrongRole: 'NOT_FOUND', wrongState: 'NOT_FOUND', removed: 'NOT_FOUND', archivist: 'like the roles' },
};

const actors: Actor[] = [...participantRoles, 'removed', 'stranger', 'archivist'];

function contextOf(actor: Actor, state: CeremonyState, rehearsalPlanned: boolean): AccessContext {
  const ceremony = { state, rehearsalPlanned };
  if (actor === 'stranger') return { ceremony, participant: null, archivist: false };
  if (actor === 'archivist') return { ceremony, participant: null, archivist: true };
  if (actor === 'removed') return { ceremony, participant: { role: 'organiser', delegationId: 'd1', removed: true }, archivist: false };
  return { ceremony, participant: { role: actor, delegationId: 'd1', removed: false }, archivist: false };
}

function inStates(expectation: Expectation, role: ParticipantRole | 'archivist', state: CeremonyState, rehearsal: boolean): boolean {
  const { states } = expectation;
  if (states === any) return true;
  if (typeof states === 'function') return states(role, state, rehearsal);
  return states.includes(state);
}

function expected(expectation: Expectation, actor: Actor, state: CeremonyState, rehearsal: boolean): Code {
  if (actor === 'stranger') return 'NOT_FOUND';
  if (actor === 'removed') return expectation.removed;
  if (actor === 'archivist') {
    if (expectation.archivist !== 'like the roles') return expectation.archivist;
    return inStates(expectation, 'archivist', state, rehearsal) ? 'allowed' : expectation.wrongState;
  }
  if (!expectation.roles.includes(actor)) return expectation.wrongRole === 'allowed' ? 'allowed' : expectation.wrongRole;
  return inStates(expectation, actor, state, rehearsal) ? 'allowed' : expectation.wrongState;
}

const cases = accessActions.flatMap((action) =>
  actors.flatMap((actor) =>
    ceremonyStates.flatMap((state) =>
      [false, true].map((rehearsal) => ({ action, actor, state, rehearsal, code: expected(table[action], actor, state, rehearsal) })),
    ),
  ),
);

describe('decideAccess: the permission table', () => {
  it('covers every action', () => {
    expect(Object.keys(table).sort()).toEqual([...accessActions].sort());
  });

  it.each(cases)('$action by $actor in $state (rehearsal planned: $rehearsal) → $code', ({ action, actor, state, rehearsal, code }) => {
    const decision = decideAccess(contextOf(actor, state, rehearsal), action);
    expect(decision.allowed ? 'allowed' : decision.code).toBe(code);
    if (!decision.allowed) expect(decision.message).not.toBe('');
  });

  it('refuses everyone when the ceremony does not exist (no existence leak)', () => {
    for (const action of accessActions) {
      const decision = decideAccess({ ceremony: null, participant: { role: 'organiser', delegationId: null, removed: false }, archivist: true }, action);
      expect(decision).toMatchObject({ allowed: false, code: 'NOT_FOUND' });
    }
  });

  it('full powers are approved by the other party’s organiser, or a neutral one', () => {
    const organiserOf = (delegationId: string | null): AccessContext => ({
      ceremony: { state: 'SCHEDULED', rehearsalPlanned: false },
      participant: { role: 'organiser', delegationId, removed: false },
      archivist: false,
    });
    expect(decideAccess(organiserOf('lni'), 'approve-full-powers', { delegationId: 'kosmo' }).allowed).toBe(true);
    expect(decideAccess(organiserOf(null), 'approve-full-powers', { delegationId: 'kosmo' }).allowed).toBe(true);
    expect(decideAccess(organiserOf('kosmo'), 'approve-full-powers', { delegationId: 'kosmo' })).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      reason: 'other-party-reviews',
      message: "Full powers are examined by the other party's organiser.",
    });
  });

  it('gives every refusal a stable reason, and the state it names', () => {
    const at = (state: CeremonyState, role: ParticipantRole = 'organiser'): AccessContext => ({
      ceremony: { state, rehearsalPlanned: false },
      participant: { role, delegationId: null, removed: false },
      archivist: false,
    });
    expect(decideAccess(at('LIVE'), 'manage-members')).toMatchObject({ reason: 'plan-fixed', params: { state: 'LIVE' } });
    expect(decideAccess(at('LIVE'), 'edit-programme')).toMatchObject({ reason: 'programme-locked' });
    expect(decideAccess(at('LIVE', 'delegate'), 'host-room')).toMatchObject({ reason: 'organiser-only' });
    expect(decideAccess({ ceremony: null, participant: null, archivist: false }, 'view-ceremony')).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ceremony-not-found',
    });
    for (const action of accessActions) {
      for (const state of ceremonyStates) {
        for (const role of participantRoles) {
          const decision = decideAccess(at(state, role), action);
          if (!decision.allowed) expect(decision.reason, `${action} ${state} ${role}`).toMatch(/^[a-z-]+$/);
        }
      }
    }
  });

  it('keeps the messages the use-cases always gave', () => {
    const at = (state: CeremonyState, role: ParticipantRole = 'organiser'): AccessContext => ({
      ceremony: { state, rehearsalPlanned: false },
      participant: { role, delegationId: null, removed: false },
      archivist: false,
    });
    expect(decideAccess(at('LIVE'), 'manage-members')).toMatchObject({ message: 'The people and documents of a LIVE ceremony can no longer change.' });
    expect(decideAccess(at('ARCHIVED', 'delegate'), 'join-room')).toMatchObject({ message: 'The room is not open while the ceremony is ARCHIVED.' });
    expect(decideAccess(at('LIVE', 'delegate'), 'manage-ceremony')).toMatchObject({ message: 'Only the ceremony’s organisers can do this.' });
    expect(decideAccess({ ...at('LIVE'), participant: { role: 'delegate', delegationId: null, removed: true } }, 'host-room')).toMatchObject({
      code: 'FORBIDDEN',
      message: 'The organiser has removed you from this ceremony.',
    });
  });
});
