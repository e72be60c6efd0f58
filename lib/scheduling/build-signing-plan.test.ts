import { describe, expect, it } from 'vitest';
import { buildSigningPlan, type PlanParty, type PlanStep } from '@/lib/scheduling/build-signing-plan';

const lni: PlanParty = { delegationId: 'lni', name: 'LNI 4.0', signatories: [{ participantId: 'de-minister', name: 'Minister' }] };
const kosmo: PlanParty = { delegationId: 'kosmo', name: 'KOSMO', signatories: [{ participantId: 'kr-minister', name: 'Minister' }] };
const third: PlanParty = {
  delegationId: 'third',
  name: 'Third',
  signatories: [
    { participantId: 'third-a', name: 'A' },
    { participantId: 'third-b', name: 'B' },
  ],
};

/** A compact picture of a plan: "sign:x@orig,y@orig" / "exchange:orig:from>to,…" */
function describePlan(plan: PlanStep[]): string[] {
  return plan.map((step) =>
    step.kind === 'sign'
      ? `sign:${step.signatures.map((signature) => `${signature.participantId}${signature.originalOf ? `@${signature.originalOf}` : ''}`).join(',')}`
      : `${step.final ? 'return' : 'exchange'}:${step.transfers.map((transfer) => `${transfer.originalOf}:${transfer.fromDelegationId}>${transfer.toDelegationId}`).join(',')}`,
  );
}

describe('buildSigningPlan', () => {
  it('parallel, 2 parties: one step with both signatories', () => {
    expect(describePlan(buildSigningPlan({ order: 'parallel', parties: [lni, kosmo] }))).toEqual(['sign:de-minister,kr-minister']);
  });

  it('parallel, 3 parties: one step with every signatory', () => {
    expect(describePlan(buildSigningPlan({ order: 'parallel', parties: [lni, kosmo, third] }))).toEqual(['sign:de-minister,kr-minister,third-a,third-b']);
  });

  it('sequential, 2 parties: one signatory per step, in delegation order', () => {
    const plan = buildSigningPlan({ order: 'sequential', parties: [kosmo, lni] });
    expect(describePlan(plan)).toEqual(['sign:kr-minister', 'sign:de-minister']);
    expect(plan.map((step) => step.number)).toEqual([1, 2]);
  });

  it('sequential, 3 parties: an explicit sequence overrides the given order', () => {
    const plan = buildSigningPlan({ order: 'sequential', parties: [lni, kosmo, third], sequence: ['third', 'lni'] });
    expect(describePlan(plan)).toEqual(['sign:third-a', 'sign:third-b', 'sign:de-minister', 'sign:kr-minister']);
  });

  it('alternat, 2 parties: own originals, exchange, countersignature, return', () => {
    expect(describePlan(buildSigningPlan({ order: 'alternat', parties: [lni, kosmo] }))).toEqual([
      'sign:de-minister@lni,kr-minister@kosmo',
      'exchange:lni:lni>kosmo,kosmo:kosmo>lni',
      'sign:kr-minister@lni,de-minister@kosmo',
      'return:lni:kosmo>lni,kosmo:lni>kosmo',
    ]);
  });

  it('alternat, 3 parties: each original passes round until every party has signed it', () => {
    const plan = buildSigningPlan({ order: 'alternat', parties: [lni, kosmo, third] });
    expect(describePlan(plan)).toEqual([
      'sign:de-minister@lni,kr-minister@kosmo,third-a@third,third-b@third',
      'exchange:lni:lni>kosmo,kosmo:kosmo>third,third:third>lni',
      'sign:kr-minister@lni,third-a@kosmo,third-b@kosmo,de-minister@third',
      'exchange:lni:kosmo>third,kosmo:third>lni,third:lni>kosmo',
      'sign:third-a@lni,third-b@lni,de-minister@kosmo,kr-minister@third',
      'return:lni:third>lni,kosmo:lni>kosmo,third:kosmo>third',
    ]);
    // Every signatory signs every original exactly once, and their own original first.
    const signatures = plan.flatMap((step) => (step.kind === 'sign' ? step.signatures : []));
    for (const party of [lni, kosmo, third]) {
      for (const signatory of party.signatories) {
        const mine = signatures.filter((signature) => signature.participantId === signatory.participantId);
        expect(mine.map((signature) => signature.originalOf).sort()).toEqual(['kosmo', 'lni', 'third']);
        expect(mine[0]?.originalOf).toBe(party.delegationId);
      }
    }
  });

  it('leaves out parties without signatories and makes no plan without any', () => {
    const empty: PlanParty = { delegationId: 'empty', name: 'Empty', signatories: [] };
    expect(describePlan(buildSigningPlan({ order: 'sequential', parties: [empty, lni] }))).toEqual(['sign:de-minister']);
    expect(buildSigningPlan({ order: 'alternat', parties: [empty] })).toEqual([]);
  });
});
