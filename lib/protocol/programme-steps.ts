/**
 * The run of show: the ceremony's ordered programme (pure). The organiser advances it
 * during the call; some steps open or record something when they begin.
 *
 *   opening and roll call → remarks by each head of delegation → signing
 *   → exchange of originals (alternat only) → closing and photo
 */

import type { DomainErrorReason } from '@/lib/error-reasons';

export const stepKinds = ['opening', 'remarks', 'signing', 'exchange', 'closing', 'custom'] as const;
export type StepKind = (typeof stepKinds)[number];

export interface ProgrammeStep {
  id: string;
  position: number;
  kind: StepKind;
  title: string;
  speakerParticipantId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  skipped: boolean;
}

export interface StepDraft {
  kind: StepKind;
  /** Empty for template steps: each viewer reads the kind's name in their own language. */
  title: string;
  speakerParticipantId: string | null;
}

/** What beginning a step does beyond moving the programme. */
export type StepEffect = 'open-signing' | 'record-exchange';

export function defaultProgramme(input: { signingOrder: string; delegations: { headParticipantId: string | null }[] }): StepDraft[] {
  return [
    { kind: 'opening', title: '', speakerParticipantId: null },
    ...input.delegations.map((delegation) => ({ kind: 'remarks' as const, title: '', speakerParticipantId: delegation.headParticipantId })),
    { kind: 'signing', title: '', speakerParticipantId: null },
    ...(input.signingOrder === 'alternat' ? [{ kind: 'exchange' as const, title: '', speakerParticipantId: null }] : []),
    { kind: 'closing', title: '', speakerParticipantId: null },
  ];
}

export type ProgrammeAction = 'advance' | 'back' | 'skip';

export interface ProgrammeMove {
  /** The step that becomes current (null: the programme is over, or not started). */
  currentStepId: string | null;
  /** Steps to mark: started now, completed now, skipped, or reopened (completion cleared). */
  start: string | null;
  complete: string | null;
  skip: string | null;
  reopen: string | null;
  effects: StepEffect[];
}

/** A move the programme does not allow; the reason is the AppError's (lib/error-reasons.ts). */
export class ProgrammeError extends Error {
  constructor(
    message: string,
    readonly reason: DomainErrorReason,
  ) {
    super(message);
  }
}

function effectsOf(step: ProgrammeStep | undefined): StepEffect[] {
  if (!step) return [];
  if (step.kind === 'signing') return ['open-signing'];
  if (step.kind === 'exchange') return ['record-exchange'];
  return [];
}

/**
 * advance: complete the current step and begin the next (or begin the first).
 * skip: mark the current step skipped and begin the next. Signing cannot be skipped.
 * back: reopen the previous step (its effects are not undone: signing stays open).
 */
export function moveProgramme(steps: readonly ProgrammeStep[], currentStepId: string | null, action: ProgrammeAction): ProgrammeMove {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  if (ordered.length === 0) throw new ProgrammeError('The programme has no steps.', 'programme-empty');
  const index = currentStepId === null ? -1 : ordered.findIndex((step) => step.id === currentStepId);
  if (currentStepId !== null && index < 0) throw new ProgrammeError('The current step is not part of this programme.', 'programme-step-unknown');
  const current = ordered[index];
  const finished = currentStepId === null && ordered.some((step) => step.completedAt || step.skipped);

  if (action === 'back') {
    const previous = finished ? ordered.at(-1) : ordered[index - 1];
    if (!previous) throw new ProgrammeError('This is the first step.', 'first-step');
    return { currentStepId: previous.id, start: null, complete: null, skip: null, reopen: previous.id, effects: [] };
  }
  if (finished) throw new ProgrammeError('The programme is over.', 'programme-over');
  if (action === 'skip') {
    if (!current) throw new ProgrammeError('The programme has not started.', 'programme-not-started');
    if (current.kind === 'signing') throw new ProgrammeError('The signing cannot be skipped.', 'signing-not-skippable');
  }
  const next = ordered[index + 1];
  return {
    currentStepId: next?.id ?? null,
    start: next?.id ?? null,
    complete: action === 'advance' && current ? current.id : null,
    skip: action === 'skip' && current ? current.id : null,
    reopen: null,
    effects: effectsOf(next),
  };
}

/** Current and next step, for everyone's view of the programme. */
export function programmeView(steps: readonly ProgrammeStep[], currentStepId: string | null) {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((step) => step.id === currentStepId);
  return {
    current: index >= 0 ? ordered[index]! : null,
    next: index >= 0 ? (ordered[index + 1] ?? null) : (ordered.find((s) => !s.completedAt && !s.skipped) ?? null),
    steps: ordered,
  };
}

/** Something recorded outside the run of show (the signing panel's own buttons) that the programme must not contradict. */
export type CeremonyMilestone = 'signing-opened' | 'originals-exchanged' | 'concluded';

export interface MilestoneMove {
  /** The step that becomes current (null: the programme is over). */
  currentStepId: string | null;
  start: string | null;
  /** Passed on the way and done: the step that was current, and signing or exchange steps (the milestone proves they happened). */
  complete: string[];
  /** Passed on the way without having happened (an unbegun custom step or remarks). */
  skip: string[];
}

/**
 * Brings a running programme up to a milestone recorded elsewhere, so that the room never
 * says "now: signing, next: exchange" after the originals were exchanged and sealed.
 * Signing opened → the signing step is current. Exchanged → the exchange step is current (countersignatures may still follow in it).
 * Concluded → the first step after the last signing or exchange step (the closing and
 * photo), or the programme is over when there is none. Only ever forward: null when the
 * programme has not started, is over, or is already at or past that point — the organiser
 * who does not use the run of show, or got there first, is not overruled.
 */
export function followMilestone(steps: readonly ProgrammeStep[], currentStepId: string | null, milestone: CeremonyMilestone): MilestoneMove | null {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((step) => step.id === currentStepId);
  if (index < 0) return null;
  const lastSigningIndex = ordered.findLastIndex((step) => step.kind === 'signing' || step.kind === 'exchange');
  const target =
    milestone === 'signing-opened'
      ? ordered.findIndex((step) => step.kind === 'signing')
      : milestone === 'originals-exchanged'
        ? ordered.findIndex((step) => step.kind === 'exchange')
        : lastSigningIndex < 0
          ? -1
          : lastSigningIndex + 1;
  if (target < 0 || target <= index) return null;
  const passed = ordered.slice(index, target);
  const happened = (step: ProgrammeStep, position: number) => position === 0 || step.kind === 'signing' || step.kind === 'exchange' || step.startedAt !== null;
  const next = ordered[target];
  return {
    currentStepId: next?.id ?? null,
    start: next?.id ?? null,
    complete: passed.filter((step, position) => happened(step, position)).map((step) => step.id),
    skip: passed.filter((step, position) => !happened(step, position)).map((step) => step.id),
  };
}
