import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, ceremonyStates, type CeremonyState } from '@/lib/ceremonies/ceremony-state';
import { AppError } from '@/lib/errors';

const allowed: [CeremonyState, CeremonyState][] = [
  ['DRAFT', 'SCHEDULED'],
  ['DRAFT', 'CANCELLED'],
  ['SCHEDULED', 'LIVE'],
  ['SCHEDULED', 'CANCELLED'],
  ['LIVE', 'SIGNING'],
  ['SIGNING', 'CONCLUDED'],
  ['CONCLUDED', 'ARCHIVED'],
];

describe('ceremony state machine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const refused = ceremonyStates.flatMap((from) =>
    ceremonyStates.filter((to) => !allowed.some(([a, b]) => a === from && b === to)).map((to) => [from, to] as [CeremonyState, CeremonyState]),
  );

  it.each(refused)('refuses %s → %s with INVALID_STATE', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      assertTransition(from, to);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_STATE');
      expect((error as AppError).message).toContain(`${from} cannot become ${to}`);
    }
  });

  it('has no way out of CANCELLED or ARCHIVED, and cannot cancel once live', () => {
    for (const to of ceremonyStates) {
      expect(canTransition('CANCELLED', to)).toBe(false);
      expect(canTransition('ARCHIVED', to)).toBe(false);
    }
    expect(canTransition('LIVE', 'CANCELLED')).toBe(false);
    expect(canTransition('SIGNING', 'CANCELLED')).toBe(false);
    expect(canTransition('SCHEDULED', 'DRAFT')).toBe(false);
  });
});
