'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getSessionUser } from '@/lib/auth';
import { isAppError, type ErrorCode } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { confirmRollCall } from '@/lib/protocol/confirm-roll-call';
import { moveRunOfShow } from '@/lib/protocol/move-programme';
import { releasePagesToPress } from '@/lib/protocol/release-pages-to-press';
import { readinessSchema, recordReadiness } from '@/lib/protocol/record-readiness';
import { programmeSchema } from '@/lib/protocol/schemas';
import { signSpecimen } from '@/lib/protocol/sign-specimen';
import { updateProgramme } from '@/lib/protocol/update-programme';
import { signatureCaptureSchema } from '@/lib/signing/sign-agreement';

// Thin glue for the run of show (room and programme screen): authenticate, parse, call one use-case.

export type ProtocolActionResult = { ok: true } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

const id = z.string().min(1).max(64);

async function asSignedInUser(ceremonyId: string, work: (userId: string) => Promise<unknown>): Promise<ProtocolActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    await work(user.id);
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

const invalid = (fieldErrors?: Record<string, string>): ProtocolActionResult => ({ ok: false, code: 'INVALID_INPUT', message: 'Invalid request.', fieldErrors });

export async function moveProgrammeAction(ceremonyId: string, action: 'advance' | 'back' | 'skip'): Promise<ProtocolActionResult> {
  const input = z.object({ ceremonyId: id, action: z.enum(['advance', 'back', 'skip']) }).safeParse({ ceremonyId, action });
  if (!input.success) return invalid();
  return asSignedInUser(input.data.ceremonyId, (userId) => moveRunOfShow({ ...input.data, userId }));
}

export async function confirmRollCallAction(ceremonyId: string, presentParticipantIds: string[]): Promise<ProtocolActionResult> {
  const input = z.object({ ceremonyId: id, presentParticipantIds: z.array(id).max(500) }).safeParse({ ceremonyId, presentParticipantIds });
  if (!input.success) return invalid();
  return asSignedInUser(input.data.ceremonyId, (userId) => confirmRollCall({ ...input.data, userId }));
}

export async function updateProgrammeAction(ceremonyId: string, steps: unknown): Promise<ProtocolActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = programmeSchema.safeParse({ steps });
  if (!parsed.success) return invalid(fieldErrorsFromZod(parsed.error));
  return asSignedInUser(ceremonyId, (userId) => updateProgramme({ ceremonyId, userId, steps: parsed.data.steps }));
}

export async function releasePagesAction(ceremonyId: string): Promise<ProtocolActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  return asSignedInUser(ceremonyId, (userId) => releasePagesToPress({ ceremonyId, userId }));
}

export async function trySigningPadAction(ceremonyId: string, capture: unknown): Promise<ProtocolActionResult & { alreadyTried?: boolean }> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = signatureCaptureSchema.safeParse(capture);
  if (!parsed.success) return invalid();
  let alreadyTried = false;
  const result = await asSignedInUser(ceremonyId, async (userId) => {
    alreadyTried = (await signSpecimen({ ceremonyId, userId, capture: parsed.data })).alreadyTried;
  });
  return result.ok ? { ok: true, alreadyTried } : result;
}

export async function recordReadinessAction(ceremonyId: string, report: unknown): Promise<ProtocolActionResult> {
  if (!id.safeParse(ceremonyId).success) return invalid();
  const parsed = readinessSchema.safeParse(report);
  if (!parsed.success) return invalid();
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    await recordReadiness({ ceremonyId, userId: user.id, ...parsed.data });
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
