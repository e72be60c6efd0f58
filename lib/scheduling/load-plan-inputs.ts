import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { buildScheduleChecklist, type Checklist } from '@/lib/scheduling/build-schedule-checklist';
import { buildSigningPlan, isSigningOrder, type PlanParty, type PlanStep, type SigningOrder } from '@/lib/scheduling/build-signing-plan';

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
  return { signingOrder, parties, checklist, plan: buildSigningPlan({ order: signingOrder, parties }) };
}

/**
 * A scheduled ceremony's stored plan follows later edits of its people, order and
 * fields (allowed until it goes live). Call inside the editing transaction.
 */
export async function refreshStoredPlan(tx: Tx, ceremony: { id: string; state: string }): Promise<void> {
  if (ceremony.state !== 'SCHEDULED') return;
  const inputs = await loadPlanInputs(tx, ceremony.id);
  await tx.ceremony.update({ where: { id: ceremony.id }, data: { signingPlan: JSON.stringify(inputs.plan) } });
}
