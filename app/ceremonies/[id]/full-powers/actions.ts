'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action-result';
import { actionFailure, runAction } from '@/lib/actions/run-action';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { reviewFullPowers } from '@/lib/protocol/review-full-powers';
import { fullPowersDecisionSchema } from '@/lib/protocol/schemas';

const id = z.string().min(1).max(64);

/** An organiser of the other party approves or rejects a signatory's full powers (thin glue). */
export async function reviewFullPowersAction(ceremonyId: string, fullPowersId: string, decision: unknown): Promise<ActionResult> {
  const ids = z.object({ ceremonyId: id, fullPowersId: id }).safeParse({ ceremonyId, fullPowersId });
  if (!ids.success) return actionFailure('INVALID_INPUT', 'Invalid request.');
  const review = fullPowersDecisionSchema.safeParse(decision);
  if (!review.success) return actionFailure('INVALID_INPUT', 'Please check the review.', { fieldErrors: fieldErrorsFromZod(review.error) });
  return runAction(async (userId) => {
    await reviewFullPowers({ ...ids.data, userId, review: review.data });
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return {};
  });
}
