import { describe, expect, it } from 'vitest';
import { buildScheduleChecklist, type ChecklistInput } from '@/lib/scheduling/build-schedule-checklist';

const now = new Date('2027-03-01T09:00:00Z');
const ready: ChecklistInput = {
  now,
  scheduledStart: new Date('2027-03-28T08:00:00Z'),
  signingOrder: 'sequential',
  delegations: [
    { id: 'lni', name: 'LNI 4.0', signatories: [{ participantId: 'de', name: 'Minister DE' }] },
    { id: 'kosmo', name: 'KOSMO', signatories: [{ participantId: 'kr', name: 'Minister KR' }] },
  ],
  documents: [
    {
      id: 'doc-en',
      title: 'Agreement',
      language: 'en',
      authentic: true,
      originalForDelegationId: null,
      fields: [
        { participantId: 'de', kind: 'signature' },
        { participantId: 'kr', kind: 'signature' },
      ],
    },
  ],
};

const missing = (input: ChecklistInput) =>
  buildScheduleChecklist(input)
    .items.filter((item) => !item.ok)
    .map((item) => item.key);

describe('buildScheduleChecklist', () => {
  it('is ready when everything is there', () => {
    expect(buildScheduleChecklist(ready).ready).toBe(true);
  });

  it('names each missing piece', () => {
    expect(missing({ ...ready, delegations: ready.delegations.slice(0, 1) })).toEqual(['delegations']);
    expect(missing({ ...ready, delegations: [ready.delegations[0]!, { id: 'kosmo', name: 'KOSMO', signatories: [] }] })).toEqual(['signatories']);
    expect(missing({ ...ready, documents: [] })).toEqual(['agreement', 'fields']);
    expect(missing({ ...ready, scheduledStart: new Date('2027-02-01T00:00:00Z') })).toEqual(['futureStart']);
  });

  it('lists whose signature field is missing on which authentic version; initials do not count', () => {
    const german = {
      ...ready.documents[0]!,
      id: 'doc-de',
      title: 'Abkommen',
      language: 'de',
      fields: [
        { participantId: 'de', kind: 'signature' },
        { participantId: 'kr', kind: 'initials' },
      ],
    };
    const result = buildScheduleChecklist({ ...ready, documents: [ready.documents[0]!, german] });
    expect(result.ready).toBe(false);
    expect(result.items.find((item) => item.key === 'fields')).toMatchObject({ ok: false, missing: [{ signatory: 'Minister KR', document: 'Abkommen' }] });
    // A non-authentic courtesy translation does not need fields.
    expect(buildScheduleChecklist({ ...ready, documents: [ready.documents[0]!, { ...german, authentic: false }] }).ready).toBe(true);
  });

  it('alternat needs an original for every party', () => {
    const alternat = { ...ready, signingOrder: 'alternat' };
    expect(missing(alternat)).toEqual(['originals']);
    const originals = ['lni', 'kosmo'].map((party) => ({ ...ready.documents[0]!, id: `doc-${party}`, originalForDelegationId: party }));
    expect(buildScheduleChecklist({ ...alternat, documents: originals }).ready).toBe(true);
  });
});
