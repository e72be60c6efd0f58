import { describe, expect, it } from 'vitest';
import {
  allStepsSeen,
  buildSigningSteps,
  documentsSeenInOlderRevision,
  markFieldsSeen,
  nextUnseenStep,
  viewedPayload,
  type SeenFields,
} from '@/lib/signing/signing-steps';

const field = (fieldName: string, page: number, kind = 'signature', y = 100) => ({ fieldName, kind, page, x: 72, y, width: 180, height: 54 });

const documents = [
  { id: 'en', title: 'Agreement — English', language: 'en', partyName: 'LNI 4.0', myOpenFields: [field('sig-en', 3), field('ini-en-1', 1, 'initials')] },
  {
    id: 'de',
    title: 'Agreement — Deutsch',
    language: 'de',
    partyName: 'LNI 4.0',
    myOpenFields: [field('ini-de', 3, 'initials', 40), field('sig-de', 3, 'signature', 300)],
  },
  { id: 'ko', title: 'Agreement — 한국어', language: 'ko', myOpenFields: [field('sig-ko', 2)] },
];
const revisions: Record<string, number> = { en: 4, de: 4, ko: 2 };
const newest = (id: string) => revisions[id] ?? null;

describe('buildSigningSteps', () => {
  it('one stop per page with my fields, only on documents due now, in the listed order', () => {
    const steps = buildSigningSteps(documents, [
      { id: 'en', myStatus: 'sign-now' },
      { id: 'de', myStatus: 'sign-now' },
      { id: 'ko', myStatus: 'not-your-turn' },
    ]);
    expect(steps.map((step) => `${step.documentId}#${step.page}:${step.fields.map((f) => f.fieldName).join('+')}`)).toEqual([
      'en#1:ini-en-1',
      'en#3:sig-en',
      'de#3:sig-de+ini-de',
    ]);
    expect(steps[0]).toMatchObject({ title: 'Agreement — English', language: 'en', partyName: 'LNI 4.0' });
  });

  it('a due document without a field of mine still gets a stop on page 1; nothing due: no stop', () => {
    expect(buildSigningSteps([{ id: 'x', title: 'X', language: 'en', myOpenFields: [] }], [{ id: 'x', myStatus: 'sign-now' }])).toEqual([
      { documentId: 'x', title: 'X', language: 'en', partyName: null, page: 1, fields: [] },
    ]);
    expect(buildSigningSteps(documents, [{ id: 'en', myStatus: 'signed' }])).toEqual([]);
  });
});

describe('seen fields gate Confirm', () => {
  const steps = buildSigningSteps(documents, [
    { id: 'en', myStatus: 'sign-now' },
    { id: 'de', myStatus: 'sign-now' },
  ]);

  it('every field of every stop, in the newest revision', () => {
    let seen: SeenFields = {};
    expect(allStepsSeen(steps, seen, newest)).toBe(false);
    seen = markFieldsSeen(seen, 'en', ['ini-en-1', 'sig-en'], 4);
    expect(allStepsSeen(steps, seen, newest)).toBe(false);
    seen = markFieldsSeen(seen, 'de', ['sig-de'], 4);
    expect(allStepsSeen(steps, seen, newest)).toBe(false); // the initials on the same page were not in view
    expect(nextUnseenStep(steps, 0, seen, newest)).toBe(2);
    seen = markFieldsSeen(seen, 'de', ['ini-de'], 4);
    expect(allStepsSeen(steps, seen, newest)).toBe(true);
    expect(nextUnseenStep(steps, 0, seen, newest)).toBeNull();
    expect(viewedPayload(steps, seen)).toEqual([
      { documentId: 'en', revision: 4, fields: ['ini-en-1', 'sig-en'] },
      { documentId: 'de', revision: 4, fields: ['sig-de', 'ini-de'] },
    ]);
  });

  it('a newer revision (someone else signed) makes what was seen stale, and says which document changed', () => {
    let seen: SeenFields = {};
    seen = markFieldsSeen(seen, 'en', ['ini-en-1', 'sig-en'], 4);
    seen = markFieldsSeen(seen, 'de', ['sig-de', 'ini-de'], 4);
    const after = (id: string) => (id === 'de' ? 5 : newest(id));
    expect(allStepsSeen(steps, seen, after)).toBe(false);
    expect(documentsSeenInOlderRevision(steps, seen, after)).toEqual(['de']);
    expect(nextUnseenStep(steps, 0, seen, after)).toBe(2);
    expect(viewedPayload(steps, seen).find((entry) => entry.documentId === 'de')?.revision).toBe(4);
  });

  it('marking what is already marked keeps the same object (no re-render)', () => {
    const seen = markFieldsSeen({}, 'en', ['sig-en'], 4);
    expect(markFieldsSeen(seen, 'en', ['sig-en'], 4)).toBe(seen);
  });
});
