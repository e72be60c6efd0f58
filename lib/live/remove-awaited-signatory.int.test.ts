import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { removeParticipant } from '@/lib/live/remove-participant';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';

const removals = (ceremonyId: string) => db.auditEvent.count({ where: { ceremonyId, kind: 'participant.removed' } });

describe('removing a participant whose signature the ceremony still waits for', () => {
  it('is refused while live (they have fields) and once signing is open (unsigned fields); conclusion stays reachable', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const documentId = c.documentIds[0]!;

    await expect(removeParticipant({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId: lni.participantId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('cannot be removed once the ceremony is live'),
    });

    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: lni.userId, idempotencyKey: `k-${randomUUID()}`, capture: { typed: lni.signer } });
    await expect(removeParticipant({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId: kosmo.participantId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('still has fields to sign'),
    });
    expect(await db.participant.findMany({ where: { ceremonyId: c.ceremonyId, role: 'signatory', removedAt: { not: null } } })).toEqual([]);
    expect(await removals(c.ceremonyId)).toBe(0);

    // Someone with nothing left to sign, and someone with no fields, may still be removed.
    await removeParticipant({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId: lni.participantId });
    const press = await db.participant.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, role: 'observer' } });
    await removeParticipant({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId: press.id });
    expect(await removals(c.ceremonyId)).toBe(2);

    await signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: kosmo.userId, idempotencyKey: `k-${randomUUID()}`, capture: { typed: kosmo.signer } });
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');
  });
});
