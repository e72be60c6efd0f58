import 'server-only';
import { db } from '@/lib/db';
import { referenceCeremonyId, referenceDelegations } from '@/lib/demo/reference-scenario';
import { isAppError } from '@/lib/errors';
import { goLive } from '@/lib/live/go-live';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';
import { signAgreement } from '@/lib/signing/sign-agreement';

/**
 * Runs a seeded reference ceremony from SCHEDULED to CONCLUDED through the app's own
 * use-cases, as the people in it would: the organiser goes live and opens signing; each
 * signatory signs whatever is theirs to sign now, in the plan's order; for alternat the
 * organiser records the exchange of originals when every party has signed its own; then
 * the organiser concludes (seal, certificate, evidence package). Used by
 * `npm run demo:evidence` and the archive's e2e setup.
 */
export async function concludeReferenceCeremony({
  ceremonyId = referenceCeremonyId,
  userAgent = 'accord demo',
  onProgress = () => undefined,
}: {
  ceremonyId?: string;
  userAgent?: string;
  onProgress?: (message: string) => void;
} = {}) {
  const organiser = await db.user.findUniqueOrThrow({ where: { email: referenceDelegations[0]!.members[0]!.email } });
  await goLive({ ceremonyId, userId: organiser.id });
  await openSigning({ ceremonyId, userId: organiser.id });

  const fields = await db.signatureField.findMany({
    where: { document: { ceremonyId }, kind: { not: 'seal' } },
    include: { participant: true },
    orderBy: [{ position: 'asc' }],
  });
  const pending = new Set(fields.map((field) => `${field.documentId}|${field.participant!.userId}|${field.participant!.displayName}`));
  while (pending.size > 0) {
    let progressed = false;
    for (const entry of [...pending]) {
      const [documentId, userId, name] = entry.split('|') as [string, string, string];
      try {
        await signAgreement({
          ceremonyId,
          documentId,
          userId,
          idempotencyKey: `demo-${documentId}-${userId}`,
          capture: { typed: name },
          ipAddress: '127.0.0.1',
          userAgent,
        });
        onProgress(`signed: ${name}`);
        pending.delete(entry);
        progressed = true;
      } catch (error) {
        // Not this signatory's turn yet: someone else signs first.
        if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
      }
    }
    if (!progressed) {
      const { recorded } = await recordOriginalsExchange({ ceremonyId, userId: organiser.id });
      if (!recorded) throw new Error(`Signing is stuck with ${pending.size} fields left`);
      onProgress('originals exchanged');
    }
  }
  const evidence = await concludeCeremony({ ceremonyId, userId: organiser.id });
  return { organiserId: organiser.id, evidence };
}
