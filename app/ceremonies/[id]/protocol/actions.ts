'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action-result';
import { actionFailure, runAction } from '@/lib/actions/run-action';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { publishPublicSummary } from '@/lib/protocol/publish-public-summary';
import { rehearsalSchema, scheduleRehearsal } from '@/lib/protocol/schedule-rehearsal';
import { sendRehearsalInvitations } from '@/lib/protocol/send-rehearsal-invitations';

// Thin glue for the protocol part of the ceremony page: rehearsal and public summary.

const id = z.string().min(1).max(64);

/** Runs a use-case for a valid ceremony id, then refreshes the ceremony page. */
async function runAndRefresh<T extends object>(ceremonyId: string, work: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  if (!id.safeParse(ceremonyId).success) return actionFailure('INVALID_INPUT', 'Invalid request.');
  return runAction(async (userId) => {
    const value = await work(userId);
    revalidatePath(`/ceremonies/${ceremonyId}`);
    return value;
  });
}

export async function publishSummaryAction(ceremonyId: string, publish: boolean): Promise<ActionResult> {
  if (typeof publish !== 'boolean') return actionFailure('INVALID_INPUT', 'Invalid request.');
  const result = await runAndRefresh(ceremonyId, async (userId) => {
    await publishPublicSummary({ ceremonyId, userId, publish });
    return {};
  });
  revalidatePath(`/summary/${ceremonyId}`);
  return result;
}

export async function scheduleRehearsalAction(ceremonyId: string, slot: unknown): Promise<ActionResult> {
  let parsed: z.infer<typeof rehearsalSchema> | 'default' | null;
  if (slot === 'default' || slot === null) parsed = slot;
  else {
    const result = rehearsalSchema.safeParse(slot);
    if (!result.success) return actionFailure('INVALID_INPUT', 'Please check the rehearsal time.', { fieldErrors: fieldErrorsFromZod(result.error) });
    parsed = result.data;
  }
  return runAndRefresh(ceremonyId, async (userId) => {
    await scheduleRehearsal({ ceremonyId, userId, slot: parsed });
    return {};
  });
}

export async function sendRehearsalInvitationsAction(ceremonyId: string): Promise<ActionResult<{ sent: number; failed: number }>> {
  return runAndRefresh(ceremonyId, async (userId) => {
    const report = await sendRehearsalInvitations({ ceremonyId, userId });
    return { sent: report.sent, failed: report.failed.length };
  });
}
