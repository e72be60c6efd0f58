import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { buildScheduleChecklist, type Checklist } from '@/lib/scheduling/build-schedule-checklist';
import { isSigningOrder, nominalSigningPlan, previewSigningSteps, type PlanParty, type PlanStep, type SigningOrder } from '@/lib/signing/decide-signing';

export interface PlanInputs {
  signingOrder: SigningOrder;
  /** Parties in signing order: the delegations' order */
  parties: PlanParty[];
  checklist: Checklist;
  plan: PlanStep[];
}

/** Reads what the checklist and the signing plan are computed from (caller checked access). */
export async function loadPlanInputs(client: Tx | Db, ceremonyId: string, now = new Date()): Promise<PlanInputs> {
  const ceremony = await client.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      scheduledStart: true,
      signingOrder: true,
      delegations: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          name: true,
          participants: {
            where: { removedAt: null, role: 'signatory' },
            orderBy: { createdAt: 'asc' },
            select: { id: true, displayName: true },
          },
        },
      },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          title: true,
          language: true,
          authentic: true,
          originalForDelegationId: true,
          fields: { select: { participantId: true, kind: true } },
        },
      },
    },
  });
  const parties: PlanParty[] = ceremony.delegations.map((delegation) => ({
    delegationId: delegation.id,
    name: delegation.name,
    signatories: delegation.participants.map((participant) => ({ participantId: participant.id, name: participant.displayName })),
  }));
  const signingOrder: SigningOrder = isSigningOrder(ceremony.signingOrder) ? ceremony.signingOrder : 'sequential';
  const checklist = buildScheduleChecklist({
    now,
    signingOrder,
    scheduledStart: ceremony.scheduledStart,
    delegations: parties.map((party) => ({ id: party.delegationId, name: party.name, signatories: party.signatories })),
    documents: ceremony.documents,
  });
  return { signingOrder, parties, checklist, plan: previewSigningSteps(nominalSigningPlan(signingOrder, parties)) };
}
