import { describe, expect, it } from 'vitest';
import { nominalSigningPlan, previewSigningSteps, type PlanParty, type PlanStep, type SigningOrder } from '@/lib/signing/decide-signing';

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

const preview = (order: SigningOrder, parties: PlanParty[]) => previewSigningSteps(nominalSigningPlan(order, parties));

/** A compact picture of a plan: "sign:x@orig,y@orig" / "exchange:orig:from>to,…" */
function describePlan(plan: PlanStep[]): string[] {
  return plan.map((step) =>
    step.kind === 'sign'
      ? `sign:${step.signatures.map((signature) => `${signature.participantId}${signature.originalOf ? `@${signature.originalOf}` : ''}`).join(',')}`
      : `${step.final ? 'return' : 'exchange'}:${step.transfers.map((transfer) => `${transfer.originalOf}:${transfer.fromDelegationId}>${transfer.toDelegationId}`).join(',')}`,
  );
}

describe('previewSigningSteps (the plan preview, run through decideSigning)', () => {
  it('parallel, 2 parties: one step with both signatories', () => {
    expect(describePlan(preview('parallel', [lni, kosmo]))).toEqual(['sign:de-minister,kr-minister']);
  });

  it('parallel, 3 parties: one step with every signatory', () => {
    expect(describePlan(preview('parallel', [lni, kosmo, third]))).toEqual(['sign:de-minister,kr-minister,third-a,third-b']);
  });

  it('sequential, 2 parties: one party per step, in delegation order', () => {
    const plan = preview('sequential', [kosmo, lni]);
    expect(describePlan(plan)).toEqual(['sign:kr-minister', 'sign:de-minister']);
    expect(plan.map((step) => step.number)).toEqual([1, 2]);
  });

  it("sequential, 3 parties: a party's signatories sign together", () => {
    expect(describePlan(preview('sequential', [third, lni, kosmo]))).toEqual(['sign:third-a,third-b', 'sign:de-minister', 'sign:kr-minister']);
  });

  it('alternat, 2 parties: own originals, exchange, countersignature, return', () => {
    expect(describePlan(preview('alternat', [lni, kosmo]))).toEqual([
      'sign:de-minister@lni,kr-minister@kosmo',
      'exchange:lni:lni>kosmo,kosmo:kosmo>lni',
      'sign:kr-minister@lni,de-minister@kosmo',
      'return:lni:kosmo>lni,kosmo:lni>kosmo',
    ]);
  });

  it('alternat, 3 parties: after the exchange each original is countersigned by the others in delegation order, as the server enforces', () => {
    const plan = preview('alternat', [lni, kosmo, third]);
    expect(describePlan(plan)).toEqual([
      'sign:de-minister@lni,kr-minister@kosmo,third-a@third,third-b@third',
      'exchange:lni:lni>kosmo,kosmo:kosmo>lni,third:third>lni',
      'sign:kr-minister@lni,de-minister@kosmo,de-minister@third',
      'exchange:lni:kosmo>third,kosmo:lni>third,third:lni>kosmo',
      'sign:third-a@lni,third-b@lni,third-a@kosmo,third-b@kosmo,kr-minister@third',
      'return:lni:third>lni,kosmo:third>kosmo,third:kosmo>third',
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
    expect(describePlan(preview('sequential', [empty, lni]))).toEqual(['sign:de-minister']);
    expect(preview('alternat', [empty])).toEqual([]);
    expect(describePlan(preview('alternat', [lni]))).toEqual(['sign:de-minister@lni']);
  });
});
