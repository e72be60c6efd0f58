import { AppError } from '@/lib/errors';

/** The ceremony state machine (docs/architecture.md, "The ceremony's states"). */
export const ceremonyStates = ['DRAFT', 'SCHEDULED', 'LIVE', 'SIGNING', 'CONCLUDED', 'ARCHIVED', 'CANCELLED'] as const;
export type CeremonyState = (typeof ceremonyStates)[number];

const allowedTransitions: Record<CeremonyState, readonly CeremonyState[]> = {
  DRAFT: ['SCHEDULED', 'CANCELLED'],
  // No way back to DRAFT: a scheduled ceremony's plan stays editable (EDITABLE_STATES), so nothing needs one.
  SCHEDULED: ['LIVE', 'CANCELLED'],
  LIVE: ['SIGNING'],
  SIGNING: ['CONCLUDED'],
  CONCLUDED: ['ARCHIVED'],
  ARCHIVED: [],
  CANCELLED: [],
};

export function isCeremonyState(value: string): value is CeremonyState {
  return (ceremonyStates as readonly string[]).includes(value);
}

export function canTransition(from: CeremonyState, to: CeremonyState): boolean {
  return allowedTransitions[from].includes(to);
}

/** Throws INVALID_STATE with a sentence a protocol officer can act on. */
export function assertTransition(from: string, to: CeremonyState): void {
  if (!isCeremonyState(from)) throw new AppError('INTERNAL', `Unknown ceremony state "${from}"`);
  if (!canTransition(from, to)) {
    throw new AppError('INVALID_STATE', `A ceremony that is ${from} cannot become ${to}.`, undefined, {
      reason: 'transition-not-allowed',
      params: { from, to },
    });
  }
}
