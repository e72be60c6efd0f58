'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/action-result';
import { runAction } from '@/lib/actions/run-action';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';

async function run(ceremonyId: string, work: (userId: string) => Promise<unknown>): Promise<ActionResult> {
  return runAction(async (userId) => {
    await work(userId);
    revalidatePath(`/ceremonies/${ceremonyId}`, 'layout');
    return {};
  });
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
