'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ProtocolActionResult } from '@/app/ceremonies/[id]/programme/actions';
import { getSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { publishPublicSummary } from '@/lib/protocol/publish-public-summary';
import { rehearsalSchema, scheduleRehearsal } from '@/lib/protocol/schedule-rehearsal';
import { sendRehearsalInvitations } from '@/lib/protocol/send-rehearsal-invitations';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

// Thin glue for the protocol part of the ceremony page: rehearsal and public summary.

const id = z.string().min(1).max(64);

async function asSignedInUser<T>(ceremonyId: string, work: (userId: string) => Promise<T>): Promise<ProtocolActionResult & { value?: T }> {
  if (!id.safeParse(ceremonyId).success) return { ok: false, code: 'INVALID_INPUT', message: 'Invalid request.' };
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    const value = await work(user.id);
    revalidatePath(`/ceremonies/${ceremonyId}`);
    return { ok: true, value };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

export async function publishSummaryAction(ceremonyId: string, publish: boolean): Promise<ProtocolActionResult> {
  if (typeof publish !== 'boolean') return { ok: false, code: 'INVALID_INPUT', message: 'Invalid request.' };
  const result = await asSignedInUser(ceremonyId, (userId) => publishPublicSummary({ ceremonyId, userId, publish }));
  revalidatePath(`/summary/${ceremonyId}`);
  return result;
}

export async function scheduleRehearsalAction(ceremonyId: string, slot: unknown): Promise<ProtocolActionResult> {
  let parsed: z.infer<typeof rehearsalSchema> | 'default' | null;
  if (slot === 'default' || slot === null) parsed = slot;
  else {
    const result = rehearsalSchema.safeParse(slot);
    if (!result.success) return { ok: false, code: 'INVALID_INPUT', message: 'Please check the rehearsal time.', fieldErrors: fieldErrorsFromZod(result.error) };
    parsed = result.data;
  }
  return asSignedInUser(ceremonyId, (userId) => scheduleRehearsal({ ceremonyId, userId, slot: parsed }));
}

export async function sendRehearsalInvitationsAction(ceremonyId: string): Promise<ProtocolActionResult & { sent?: number; failed?: number }> {
  const result = await asSignedInUser(ceremonyId, (userId) => sendRehearsalInvitations({ ceremonyId, userId }));
  return result.ok ? { ok: true, sent: result.value?.sent ?? 0, failed: result.value?.failed.length ?? 0 } : result;
}
