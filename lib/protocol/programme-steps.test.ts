import { describe, expect, it } from 'vitest';
import { defaultProgramme, followMilestone, moveProgramme, programmeView, type ProgrammeStep } from '@/lib/protocol/programme-steps';

function programme(order: string): ProgrammeStep[] {
  return defaultProgramme({ signingOrder: order, delegations: [{ headParticipantId: 'p1' }, { headParticipantId: 'p2' }] }).map((draft, position) => ({
    ...draft,
    id: `s${position}`,
    position,
    startedAt: null,
    completedAt: null,
    skipped: false,
  }));
}

describe('defaultProgramme', () => {
  it('has the protocol template: opening, remarks per delegation, signing, exchange (alternat), closing', () => {
    expect(programme('alternat').map((s) => s.kind)).toEqual(['opening', 'remarks', 'remarks', 'signing', 'exchange', 'closing']);
    expect(programme('sequential').map((s) => s.kind)).toEqual(['opening', 'remarks', 'remarks', 'signing', 'closing']);
    expect(programme('alternat')[2]).toMatchObject({ kind: 'remarks', title: '', speakerParticipantId: 'p2' });
  });
});

describe('moveProgramme', () => {
  const steps = programme('alternat');

  it('starts with the first step, then completes and begins in turn', () => {
    expect(moveProgramme(steps, null, 'advance')).toMatchObject({ currentStepId: 's0', start: 's0', complete: null, effects: [] });
    expect(moveProgramme(steps, 's0', 'advance')).toMatchObject({ currentStepId: 's1', start: 's1', complete: 's0' });
  });

  it('opens signing when the signing step begins and records the exchange when the exchange begins', () => {
    expect(moveProgramme(steps, 's2', 'advance').effects).toEqual(['open-signing']);
    expect(moveProgramme(steps, 's3', 'advance').effects).toEqual(['record-exchange']);
    expect(moveProgramme(steps, 's4', 'advance').effects).toEqual([]);
  });

  it('skips a step (not the signing), and ends after the last', () => {
    expect(moveProgramme(steps, 's1', 'skip')).toMatchObject({ currentStepId: 's2', skip: 's1', complete: null, start: 's2' });
    expect(() => moveProgramme(steps, 's3', 'skip')).toThrow('The signing cannot be skipped.');
    expect(moveProgramme(steps, 's5', 'advance')).toMatchObject({ currentStepId: null, complete: 's5', start: null });
  });

  it('goes back by reopening the previous step, without undoing effects', () => {
    expect(moveProgramme(steps, 's4', 'back')).toEqual({ currentStepId: 's3', start: null, complete: null, skip: null, reopen: 's3', effects: [] });
    expect(() => moveProgramme(steps, 's0', 'back')).toThrow('This is the first step.');
    const over = steps.map((s) => ({ ...s, completedAt: new Date() }));
    expect(moveProgramme(over, null, 'back')).toMatchObject({ currentStepId: 's5', reopen: 's5' });
    expect(() => moveProgramme(over, null, 'advance')).toThrow('The programme is over.');
  });

  it('refuses an unknown current step', () => {
    expect(() => moveProgramme(steps, 'elsewhere', 'advance')).toThrow('not part of this programme');
  });
});

describe('programmeView', () => {
  it('shows the current and the next step', () => {
    const steps = programme('sequential');
    expect(programmeView(steps, 's1')).toMatchObject({ current: { id: 's1' }, next: { id: 's2' } });
    expect(programmeView(steps, null)).toMatchObject({ current: null, next: { id: 's0' } });
  });
});

describe('followMilestone', () => {
  const steps = programme('alternat');

  it('moves a programme to the signing, then to the exchange, and from there to the closing', () => {
    expect(followMilestone(steps, 's2', 'signing-opened')).toEqual({ currentStepId: 's3', start: 's3', complete: ['s2'], skip: [] });
    expect(followMilestone(steps, 's3', 'originals-exchanged')).toEqual({ currentStepId: 's4', start: 's4', complete: ['s3'], skip: [] });
    expect(followMilestone(steps, 's4', 'concluded')).toEqual({ currentStepId: 's5', start: 's5', complete: ['s4'], skip: [] });
  });

  it('completes the signing steps it passes and skips unbegun others', () => {
    expect(followMilestone(steps, 's1', 'concluded')).toEqual({ currentStepId: 's5', start: 's5', complete: ['s1', 's3', 's4'], skip: ['s2'] });
  });

  it('never moves back, nor a programme not started or over, nor to a step that does not exist', () => {
    expect(followMilestone(steps, 's5', 'concluded')).toBeNull();
    expect(followMilestone(steps, 's5', 'originals-exchanged')).toBeNull();
    expect(followMilestone(steps, 's4', 'originals-exchanged')).toBeNull();
    expect(followMilestone(steps, 's3', 'signing-opened')).toBeNull();
    expect(followMilestone(steps, null, 'concluded')).toBeNull();
    expect(followMilestone(programme('sequential'), 's3', 'originals-exchanged')).toBeNull();
  });

  it('ends the programme when nothing follows the signing', () => {
    const withoutClosing = programme('sequential').slice(0, 4);
    expect(followMilestone(withoutClosing, 's3', 'concluded')).toEqual({ currentStepId: null, start: null, complete: ['s3'], skip: [] });
  });
});
