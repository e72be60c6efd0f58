'use server';

import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';

export type SigningActionResult = { ok: true } | { ok: false; code: string; message: string };

async function run(ceremonyId: string, work: (userId: string) => Promise<unknown>): Promise<SigningActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Please sign in first.' };
  try {
    await work(user.id);
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export async function openSigningAction(ceremonyId: string) {
  return run(ceremonyId, (userId) => openSigning({ ceremonyId, userId }));
}

export async function recordExchangeAction(ceremonyId: string) {
  return run(ceremonyId, (userId) => recordOriginalsExchange({ ceremonyId, userId }));
}

export async function concludeAction(ceremonyId: string) {
  return run(ceremonyId, (userId) => concludeCeremony({ ceremonyId, userId }));
}
