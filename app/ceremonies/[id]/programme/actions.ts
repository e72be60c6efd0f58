'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action-result';
import { actionFailure, runAction } from '@/lib/actions/run-action';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { confirmRollCall } from '@/lib/protocol/confirm-roll-call';
import { moveRunOfShow } from '@/lib/protocol/move-run-of-show';
import { releasePagesToPress } from '@/lib/protocol/release-pages-to-press';
import { readinessSchema, recordReadiness } from '@/lib/protocol/record-readiness';
import { programmeSchema } from '@/lib/protocol/schemas';
import { signSpecimen } from '@/lib/protocol/sign-specimen';
import { updateProgramme } from '@/lib/protocol/update-programme';
import { signatureCaptureSchema } from '@/lib/signing/sign-agreement';

// Thin glue for the run of show (room and programme screen): authenticate, parse, call one use-case.

const id = z.string().min(1).max(64);

/** Runs a use-case, then refreshes the ceremony's pages. */
function runAndRefresh<T extends object>(ceremonyId: string, work: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(async (userId) => {
    const value = await work(userId);
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return value;
  });
}

const invalid = (fieldErrors?: Record<string, string>) => actionFailure('INVALID_INPUT', 'Invalid request.', { fieldErrors });
const done = async (work: Promise<unknown>) => {
  await work;
  return {};
};

export async function moveProgrammeAction(ceremonyId: string, action: 'advance' | 'back' | 'skip'): Promise<ActionResult> {
  const input = z.object({ ceremonyId: id, action: z.enum(['advance', 'back', 'skip']) }).safeParse({ ceremonyId, action });
  if (!input.success) return invalid();
  return runAndRefresh(input.data.ceremonyId, (userId) => done(moveRunOfShow({ ...input.data, userId })));
}

export async function confirmRollCallAction(ceremonyId: string, presentParticipantIds: string[]): Promise<ActionResult> {
  const input = z.object({ ceremonyId: id, presentParticipantIds: z.array(id).max(500) }).safeParse({ ceremonyId, presentParticipantIds });
  if (!input.success) return invalid();
  return runAndRefresh(input.data.ceremonyId, (userId) => done(confirmRollCall({ ...input.data, userId })));
}

export async function updateProgrammeAction(ceremonyId: string, steps: unknown): Promise<ActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = programmeSchema.safeParse({ steps });
  if (!parsed.success) return invalid(fieldErrorsFromZod(parsed.error));
  return runAndRefresh(ceremonyId, (userId) => done(updateProgramme({ ceremonyId, userId, steps: parsed.data.steps })));
}

export async function releasePagesAction(ceremonyId: string): Promise<ActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  return runAndRefresh(ceremonyId, (userId) => done(releasePagesToPress({ ceremonyId, userId })));
}

export async function trySigningPadAction(ceremonyId: string, capture: unknown): Promise<ActionResult<{ alreadyTried: boolean }>> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = signatureCaptureSchema.safeParse(capture);
  if (!parsed.success) return invalid();
  return runAndRefresh(ceremonyId, async (userId) => ({ alreadyTried: (await signSpecimen({ ceremonyId, userId, capture: parsed.data })).alreadyTried }));
}

/** Not refreshed: the readiness check runs beside the room, which keeps its own state. */
export async function recordReadinessAction(ceremonyId: string, report: unknown): Promise<ActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = readinessSchema.safeParse(report);
  if (!parsed.success) return invalid();
  return runAction((userId) => done(recordReadiness({ ceremonyId, userId, ...parsed.data })));
}
