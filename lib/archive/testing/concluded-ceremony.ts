import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';

/**
 * A CONCLUDED ceremony made through the real use-cases (open signing → each party signs →
 * conclude with seal, certificate and evidence package), for the archive's tests.
 */
export async function createConcludedCeremony(options: { title?: string; concludedAt?: Date } = {}) {
  const c = await createSigningCeremony({ order: 'parallel', title: options.title });
  await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
  const documentId = c.documentIds[0]!;
  for (const party of c.parties) {
    await signAgreement({
      ceremonyId: c.ceremonyId,
      documentId,
      userId: party.userId,
      idempotencyKey: `archive-test-${randomUUID()}`,
      capture: { typed: party.signer },
      ipAddress: '203.0.113.9',
      userAgent: 'vitest',
    });
  }
  await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
  if (options.concludedAt) await db.ceremony.update({ where: { id: c.ceremonyId }, data: { concludedAt: options.concludedAt } });
  return { ...c, documentId };
}
