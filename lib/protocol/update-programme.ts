import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { loadOrCreateProgramme } from '@/lib/protocol/load-programme';
import { programmeSchema, type ProgrammeStepInput } from '@/lib/protocol/schemas';

/**
 * The organiser edits the programme before the day (DRAFT or SCHEDULED): reorders, renames,
 * names who has the floor, adds custom steps and removes steps. The steps that do something
 * when they begin (signing; the exchange of originals in alternat) stay, in that order.
 * The whole new programme is sent; steps keep their ids and kinds.
 */
export async function updateProgramme({ ceremonyId, userId, steps }: { ceremonyId: string; userId: string; steps: ProgrammeStepInput[] }) {
  const parsed = programmeSchema.safeParse({ steps });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the programme.', fieldErrorsFromZod(parsed.error));
  const wanted = parsed.data.steps;
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony } = await requireAccess(tx, { ceremonyId, userId }, 'edit-programme');
    const wasSaved = (await tx.runOfShowStep.count({ where: { ceremonyId } })) > 0;
    const existing = await loadOrCreateProgramme(tx, ceremonyId);
    if (!wasSaved) {
      // First save of the template the screen showed: its steps (no ids yet) are the ones just created, kind by kind in order.
      const unclaimed = [...existing];
      for (const step of wanted) {
        if (step.id !== null || step.kind === 'custom') continue;
        const match = unclaimed.findIndex((candidate) => candidate.kind === step.kind);
        if (match >= 0) step.id = unclaimed.splice(match, 1)[0]!.id;
      }
    }
    const byId = new Map(existing.map((step) => [step.id, step]));
    const speakers = new Set(
      (await tx.participant.findMany({ where: { ceremonyId, removedAt: null, role: { not: 'observer' } }, select: { id: true } })).map((p) => p.id),
    );

    const fieldErrors: Record<string, string> = {};
    const seen = new Set<string>();
    for (const [index, step] of wanted.entries()) {
      if (step.id !== null) {
        const known = byId.get(step.id);
        if (!known || seen.has(step.id))
          throw new AppError('INVALID_INPUT', 'The programme names a step that is not part of this ceremony.', undefined, { reason: 'programme-step-unknown' });
        if (known.kind !== step.kind) throw new AppError('INVALID_INPUT', 'A step keeps its kind.', undefined, { reason: 'programme-step-kind-fixed' });
        seen.add(step.id);
      } else if (step.kind !== 'custom') {
        throw new AppError('INVALID_INPUT', 'Only custom steps can be added.', undefined, { reason: 'programme-custom-steps-only' });
      }
      if (step.speakerParticipantId !== null && !speakers.has(step.speakerParticipantId)) fieldErrors[`steps.${index}.speakerParticipantId`] = 'invalidSpeaker';
    }
    for (const kind of ['signing', 'exchange'] as const) {
      const required = existing.filter((step) => step.kind === kind);
      if (required.some((step) => !seen.has(step.id))) fieldErrors.form = kind === 'signing' ? 'signingRequired' : 'exchangeRequired';
    }
    const signingAt = wanted.findIndex((step) => step.kind === 'signing');
    const exchangeAt = wanted.findIndex((step) => step.kind === 'exchange');
    if (signingAt >= 0 && exchangeAt >= 0 && exchangeAt < signingAt) fieldErrors.form = 'exchangeAfterSigning';
    if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'Please check the programme.', fieldErrors);

    const removed = existing.filter((step) => !seen.has(step.id));
    if (removed.length > 0) await tx.runOfShowStep.deleteMany({ where: { id: { in: removed.map((step) => step.id) }, ceremonyId } });
    if (ceremony.currentStepId && removed.some((step) => step.id === ceremony.currentStepId)) {
      await tx.ceremony.update({ where: { id: ceremonyId }, data: { currentStepId: null } });
    }
    const saved = [];
    for (const [position, step] of wanted.entries()) {
      const data = { position, title: step.title, speakerParticipantId: step.speakerParticipantId };
      const row = step.id
        ? await tx.runOfShowStep.update({ where: { id: step.id }, data, select: { id: true, kind: true, title: true } })
        : await tx.runOfShowStep.create({ data: { ...data, ceremonyId, kind: 'custom' }, select: { id: true, kind: true, title: true } });
      saved.push(row);
    }
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'run-of-show.updated',
      payload: {
        steps: saved.map((step) => ({ id: step.id, kind: step.kind, title: step.title })),
        removed: removed.map((step) => ({ id: step.id, kind: step.kind })),
      },
    });
    return { steps: saved };
  });
}
