'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ProtocolActionResult } from '@/app/ceremonies/[id]/programme/actions';
import { getSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { publishPublicSummary } from '@/lib/protocol/publish-public-summary';

/** The organiser publishes or withdraws the public summary (thin glue). */
export async function publishSummaryAction(ceremonyId: string, publish: boolean): Promise<ProtocolActionResult> {
  const input = z.object({ ceremonyId: z.string().min(1).max(64), publish: z.boolean() }).safeParse({ ceremonyId, publish });
  if (!input.success) return { ok: false, code: 'INVALID_INPUT', message: 'Invalid request.' };
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    await publishPublicSummary({ ...input.data, userId: user.id });
    revalidatePath(`/ceremonies/${ceremonyId}`);
    revalidatePath(`/summary/${ceremonyId}`);
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
