'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { reviewFullPowers } from '@/lib/protocol/review-full-powers';
import { fullPowersDecisionSchema } from '@/lib/protocol/schemas';
import type { ProtocolActionResult } from '@/app/ceremonies/[id]/programme/actions';

const id = z.string().min(1).max(64);

/** An organiser of the other party approves or rejects a signatory's full powers (thin glue). */
export async function reviewFullPowersAction(ceremonyId: string, fullPowersId: string, decision: unknown): Promise<ProtocolActionResult> {
  const ids = z.object({ ceremonyId: id, fullPowersId: id }).safeParse({ ceremonyId, fullPowersId });
  if (!ids.success) return { ok: false, code: 'INVALID_INPUT', message: 'Invalid request.' };
  const review = fullPowersDecisionSchema.safeParse(decision);
  if (!review.success) return { ok: false, code: 'INVALID_INPUT', message: 'Please check the review.', fieldErrors: fieldErrorsFromZod(review.error) };
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    await reviewFullPowers({ ...ids.data, userId: user.id, review: review.data });
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
