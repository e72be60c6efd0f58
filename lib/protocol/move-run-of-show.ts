import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireLiveAccess } from '@/lib/live/load-live-participant';
import { notifyCeremonyRoom } from '@/lib/live/notify-room';
import { loadOrCreateProgramme } from '@/lib/protocol/load-programme';
import { moveProgramme, ProgrammeError, type ProgrammeAction } from '@/lib/protocol/programme-steps';
import { prepareSpecimenCopies } from '@/lib/protocol/prepare-specimen-copies';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';
import { formatDateTime } from '@/lib/time/format-instant';

/**
 * The organiser advances, skips or goes back in the run of show during the call.
 * Beginning the signing step opens signing; beginning the exchange step records the
 * alternat exchange. Each move is one audit event with the time in every capital, and
 * the room is told so every viewer follows.
 *
 * Technical rehearsal (a SCHEDULED ceremony with a rehearsal planned): the same programme
 * runs, but reaching the signing step prepares the SPECIMEN copies instead of opening
 * signing, and the exchange records nothing. Going live starts the programme afresh.
 *
 * After conclusion (CONCLUDED) the programme runs on through the closing and photo; the
 * exchange is already on record then, so beginning its step records nothing. Once the
 * ceremony is archived the programme is over for good.
 */
export async function moveRunOfShow({
  ceremonyId,
  userId,
  action,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  action: ProgrammeAction;
  now?: Date;
}) {
  const planned = await transaction(async (tx) => {
    const organiser = await requireLiveAccess(tx, { ceremonyId, userId }, 'run-programme');
    const rehearsal = organiser.ceremony.state === 'SCHEDULED' && organiser.ceremony.rehearsalStart !== null;
    const steps = await loadOrCreateProgramme(tx, ceremonyId);
    const ceremony = await tx.ceremony.findUniqueOrThrow({ where: { id: ceremonyId }, select: { currentStepId: true, state: true } });
    try {
      return { move: moveProgramme(steps, ceremony.currentStepId, action), state: ceremony.state, rehearsal };
    } catch (error) {
      if (error instanceof ProgrammeError) throw new AppError('INVALID_STATE', error.message, undefined, { reason: error.reason });
      throw error;
    }
  });

  // Effects first, in their own use-cases: if signing cannot open, the programme stays put.
  if (planned.rehearsal) {
    if (planned.move.effects.includes('open-signing')) await prepareSpecimenCopies({ ceremonyId, userId, now });
  } else {
    if (planned.move.effects.includes('open-signing') && planned.state === 'LIVE') await openSigning({ ceremonyId, userId, now, followProgramme: false });
    if (planned.move.effects.includes('record-exchange') && planned.state !== 'CONCLUDED')
      await recordOriginalsExchange({ ceremonyId, userId, now, followProgramme: false });
  }

  const result = await transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    // The organiser may have ended (and so archived) the ceremony meanwhile.
    await requireLiveAccess(tx, { ceremonyId, userId }, 'run-programme');
    const ceremony = await tx.ceremony.findUniqueOrThrow({
      where: { id: ceremonyId },
      select: {
        currentStepId: true,
        state: true,
        delegations: { select: { capitalName: true, capitalTimeZone: true }, orderBy: { position: 'asc' } },
      },
    });
    const steps = await loadOrCreateProgramme(tx, ceremonyId);
    // Someone else moved the programme meanwhile: recompute from where it is now.
    const move = moveProgramme(steps, ceremony.currentStepId, action);
    if (move.complete) await tx.runOfShowStep.update({ where: { id: move.complete }, data: { completedAt: now } });
    if (move.skip) await tx.runOfShowStep.update({ where: { id: move.skip }, data: { skipped: true, completedAt: now } });
    if (move.reopen) await tx.runOfShowStep.update({ where: { id: move.reopen }, data: { completedAt: null, skipped: false } });
    if (move.start) await tx.runOfShowStep.update({ where: { id: move.start }, data: { startedAt: now } });
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { currentStepId: move.currentStepId } });
    const current = steps.find((step) => step.id === move.currentStepId);
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: 'run-of-show.moved',
      payload: {
        action,
        rehearsal: planned.rehearsal,
        stepId: move.currentStepId,
        stepKind: current?.kind ?? null,
        times: ceremony.delegations.map((d) => `${d.capitalName}: ${formatDateTime(now, 'en', d.capitalTimeZone)}`),
      },
      at: now,
    });
    return { currentStepId: move.currentStepId, kind: current?.kind ?? null };
  });
  await notifyCeremonyRoom(ceremonyId, { kind: 'step', stepId: result.currentStepId });
  return result;
}
