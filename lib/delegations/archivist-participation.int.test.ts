import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { addMember } from '@/lib/delegations/add-member';
import { openSigning } from '@/lib/signing/open-signing';
import { createCeremony, createSigningCeremony, createUser } from '@/test/factories';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'archivist' | 'member'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: () => [],
  evidenceClientAddressFrom: () => '127.0.0.1 (unverified)',
}));

const signRoute = await import('@/app/api/ceremonies/[id]/sign/route');

afterEach(() => {
  session.user = null;
});

function signRequest(ceremonyId: string) {
  return new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/sign`, {
    method: 'POST',
    body: JSON.stringify({ idempotencyKey: `k-${randomUUID()}`, capture: { typed: 'Hannah Vogel' } }),
    headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': 'application/json' },
  });
}

describe('archivists never take part in a ceremony', () => {
  it.each(['signatory', 'witness', 'delegate', 'observer'] as const)(
    'an archivist cannot be added as %s: refused with the reason, nothing stored',
    async (role) => {
      const c = await createCeremony({ state: 'SCHEDULED' });
      const archivist = await createUser({ globalRole: 'archivist' });
      const before = await db.participant.count({ where: { ceremonyId: c.ceremonyId } });
      await expect(
        addMember({
          ceremonyId: c.ceremonyId,
          userId: c.organiser.userId,
          name: 'Hannah Vogel',
          title: 'Archivist',
          email: archivist.email!,
          role,
          delegationId: role === 'observer' ? undefined : c.delegations[0]!.id,
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { email: 'archivistCannotTakePart' } });
      expect(await db.participant.count({ where: { ceremonyId: c.ceremonyId } })).toBe(before);
      expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'participant.added' } })).toBe(0);
    },
  );

  it('the sign route answers an archivist 403, whether or not they are on the ceremony, and signs nothing', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const archivist = await createUser({ globalRole: 'archivist', name: 'Hannah Vogel' });
    session.user = { id: archivist.id, email: archivist.email!, name: 'Hannah Vogel', globalRole: 'archivist', locale: null };

    const stranger = await signRoute.POST(signRequest(c.ceremonyId), { params: Promise.resolve({ id: c.ceremonyId }) });
    expect(stranger.status).toBe(403);
    expect((await stranger.json()).error).toMatchObject({ code: 'FORBIDDEN', message: 'Archivists cannot sign.' });

    // A participant row from before they became an archivist does not let them sign either.
    const [lni] = c.parties as [(typeof c.parties)[0]];
    await db.participant.create({
      data: { ceremonyId: c.ceremonyId, userId: archivist.id, delegationId: lni.delegationId, role: 'signatory', displayName: 'Hannah Vogel' },
    });
    expect((await signRoute.POST(signRequest(c.ceremonyId), { params: Promise.resolve({ id: c.ceremonyId }) })).status).toBe(403);
    expect(await db.signature.count({ where: { participant: { ceremonyId: c.ceremonyId } } })).toBe(0);
  });
});
