import 'server-only';
import type { Tx } from '@/lib/db';
import { defaultProgramme, type ProgrammeStep, type StepKind } from '@/lib/protocol/programme-steps';

/**
 * The ceremony's programme, created from the template the first time it is needed
 * (inside the caller's transaction). The head of each delegation is its signatory.
 */
export async function loadOrCreateProgramme(tx: Tx, ceremonyId: string): Promise<ProgrammeStep[]> {
  const existing = await tx.runOfShowStep.findMany({ where: { ceremonyId }, orderBy: { position: 'asc' } });
  if (existing.length > 0) return existing.map(asStep);
  const ceremony = await tx.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      signingOrder: true,
      delegations: { orderBy: { position: 'asc' }, select: { participants: { where: { role: 'signatory', removedAt: null }, select: { id: true }, take: 1 } } },
    },
  });
  const drafts = defaultProgramme({
    signingOrder: ceremony.signingOrder,
    delegations: ceremony.delegations.map((d) => ({ headParticipantId: d.participants[0]?.id ?? null })),
  });
  for (const [position, draft] of drafts.entries()) {
    await tx.runOfShowStep.create({ data: { ceremonyId, position, kind: draft.kind, title: draft.title, speakerParticipantId: draft.speakerParticipantId } });
  }
  return (await tx.runOfShowStep.findMany({ where: { ceremonyId }, orderBy: { position: 'asc' } })).map(asStep);
}

function asStep(row: {
  id: string;
  position: number;
  kind: string;
  title: string;
  speakerParticipantId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  skipped: boolean;
}): ProgrammeStep {
  return { ...row, kind: row.kind as StepKind };
}
