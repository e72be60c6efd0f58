import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { loadFullPowers } from '@/lib/protocol/load-full-powers';
import { generateFullPowersLetter } from '@accord/pdf-signing/generate-full-powers-letter';
import { createSigningCeremony } from '@/test/factories';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'member'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: (headers: Headers) => [`client:${headers.get('x-forwarded-for') ?? 'test-client'}`],
}));

const uploadRoute = await import('@/app/api/ceremonies/[id]/full-powers/route');
const letterRoute = await import('@/app/api/ceremonies/[id]/full-powers/[fullPowersId]/route');

afterEach(() => {
  session.user = null;
});
const as = (userId: string) => {
  session.user = { id: userId, email: `${userId}@test.example`, name: 'Caller', globalRole: 'member', locale: null };
};

function upload(ceremonyId: string, participantId: string, body: Uint8Array<ArrayBuffer>, origin = 'http://127.0.0.1:3000') {
  return uploadRoute.POST(
    new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/full-powers?participantId=${participantId}&fileName=vollmacht.pdf`, {
      method: 'POST',
      body,
      headers: { origin, host: '127.0.0.1:3000', 'content-type': 'application/pdf' },
    }),
    { params: Promise.resolve({ id: ceremonyId }) },
  );
}
const letter = (ceremonyId: string, fullPowersId: string) =>
  letterRoute.GET(new Request(`http://127.0.0.1:3000/api/ceremonies/${ceremonyId}/full-powers/${fullPowersId}`), {
    params: Promise.resolve({ id: ceremonyId, fullPowersId }),
  });

describe('full powers screens and routes', () => {
  it('the signatory uploads their letter; the other party may examine it; only organisers and the signatory read it', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const [lniOfficer, kosmoOfficer] = c.partyOrganisers as [(typeof c.partyOrganisers)[0], (typeof c.partyOrganisers)[0]];
    const pdf = new Uint8Array(
      await generateFullPowersLetter({
        issuer: lni.name,
        signatoryName: lni.signer,
        signatoryTitle: 'Chair',
        agreementTitle: 'Joint Declaration',
        place: 'Berlin',
        date: '24 November 2026',
      }),
    );

    as(lni.userId);
    expect((await upload(c.ceremonyId, lni.participantId, pdf, 'https://evil.example')).status).toBe(403);
    expect((await upload(c.ceremonyId, kosmo.participantId, pdf)).status).toBe(403);
    expect((await upload(c.ceremonyId, lni.participantId, new TextEncoder().encode('no pdf'))).status).toBe(415);
    const created = await upload(c.ceremonyId, lni.participantId, pdf);
    expect(created.status).toBe(201);
    const { fullPowers } = (await created.json()) as { fullPowers: { id: string; status: string } };
    expect(fullPowers.status).toBe('pending');

    const forKosmoOfficer = await loadFullPowers({ ceremonyId: c.ceremonyId, userId: kosmoOfficer.userId });
    const forLniOfficer = await loadFullPowers({ ceremonyId: c.ceremonyId, userId: lniOfficer.userId });
    const forSignatory = await loadFullPowers({ ceremonyId: c.ceremonyId, userId: lni.userId });
    if (forKosmoOfficer.state !== 'ready' || forLniOfficer.state !== 'ready' || forSignatory.state !== 'ready') throw new Error('expected ready');
    const lniEntry = (view: typeof forKosmoOfficer) => view.signatories.find((s) => s.participantId === lni.participantId)!;
    expect(lniEntry(forKosmoOfficer).latest).toMatchObject({ status: 'pending', mayReview: true });
    expect(lniEntry(forKosmoOfficer).reviewers).toEqual(['Korean Smart Manufacturing Office']);
    expect(lniEntry(forLniOfficer).latest).toMatchObject({ mayReview: false });
    expect(forSignatory.signatories.map((s) => s.participantId)).toEqual([lni.participantId]);
    expect(forSignatory.signatories[0]).toMatchObject({ mayUpload: true, latest: { mayReview: false } });
    expect(await loadFullPowers({ ceremonyId: c.ceremonyId, userId: c.observerId })).toEqual({ state: 'forbidden', ceremonyId: c.ceremonyId });

    for (const [who, status] of [
      [lni.userId, 200],
      [kosmoOfficer.userId, 200],
      [c.organiserId, 200],
      [kosmo.userId, 404],
      [c.observerId, 404],
    ] as const) {
      as(who);
      const response = await letter(c.ceremonyId, fullPowers.id);
      expect(response.status, who).toBe(status);
      if (status === 200) expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    }
    // An id from another ceremony is not found here.
    const other = await createSigningCeremony({ order: 'parallel' });
    as(other.organiserId);
    expect((await letter(other.ceremonyId, fullPowers.id)).status).toBe(404);
    expect(await db.fullPowers.count({ where: { participantId: lni.participantId } })).toBe(1);
  });
});
