import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { reviewFullPowers } from '@/lib/protocol/review-full-powers';
import { submitFullPowers } from '@/lib/protocol/submit-full-powers';
import { openSigning } from '@/lib/signing/open-signing';
import { generateFullPowersLetter } from '@accord/pdf-signing/generate-full-powers-letter';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';

const letter = (name: string) =>
  generateFullPowersLetter({
    issuer: 'Labs Network Industrie 4.0',
    signatoryName: name,
    signatoryTitle: 'Chair',
    agreementTitle: 'Joint Declaration',
    place: 'Berlin',
    date: '24 November 2026',
  });

describe('full powers', () => {
  it('locks signing until an organiser of the other party approves; rejection keeps it locked', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const [lniOfficer, kosmoOfficer] = c.partyOrganisers as [(typeof c.partyOrganisers)[0], (typeof c.partyOrganisers)[0]];
    const sign = () =>
      signAgreement({
        ceremonyId: c.ceremonyId,
        documentId: c.documentIds[0]!,
        userId: lni.userId,
        idempotencyKey: `k-${randomUUID()}`,
        capture: { typed: lni.signer },
      });

    await expect(sign()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('not yet submitted') });

    // The signatory submits their own letter; it is parsed and stored pending.
    const first = await submitFullPowers({
      ceremonyId: c.ceremonyId,
      userId: lni.userId,
      participantId: lni.participantId,
      fileName: 'vollmacht.pdf',
      bytes: await letter(lni.signer),
    });
    await expect(sign()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Full powers not yet approved by Korean Smart Manufacturing Office.' });

    // Their own party's organiser may not approve them; nor may the other signatory.
    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: lniOfficer.userId, fullPowersId: first.id, review: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: kosmo.userId, fullPowersId: first.id, review: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: kosmoOfficer.userId, fullPowersId: first.id, review: { decision: 'reject', reason: '' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await reviewFullPowers({
      ceremonyId: c.ceremonyId,
      userId: kosmoOfficer.userId,
      fullPowersId: first.id,
      review: { decision: 'reject', reason: 'Letter is not signed by the board' },
    });
    await expect(sign()).rejects.toMatchObject({
      message: expect.stringContaining('rejected by Korean Smart Manufacturing Office: Letter is not signed by the board'),
    });

    const second = await submitFullPowers({
      ceremonyId: c.ceremonyId,
      userId: c.organiserId,
      participantId: lni.participantId,
      fileName: 'vollmacht-2.pdf',
      bytes: await letter(`${lni.signer} `),
    });
    await reviewFullPowers({ ceremonyId: c.ceremonyId, userId: kosmoOfficer.userId, fullPowersId: second.id, review: { decision: 'approve' } });
    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: kosmoOfficer.userId, fullPowersId: second.id, review: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sign()).resolves.toMatchObject({ replayed: false });

    const kinds = (await db.auditEvent.findMany({ where: { ceremonyId: c.ceremonyId, kind: { startsWith: 'full-powers.' } }, orderBy: { seq: 'asc' } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(['full-powers.submitted', 'full-powers.rejected', 'full-powers.submitted', 'full-powers.approved']);
  });

  it('refuses a letter that is not a PDF, and submissions by others than the organiser or the signatory', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    await expect(
      submitFullPowers({
        ceremonyId: c.ceremonyId,
        userId: lni.userId,
        participantId: lni.participantId,
        fileName: 'x.pdf',
        bytes: new TextEncoder().encode('not a pdf at all'),
      }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(
      submitFullPowers({ ceremonyId: c.ceremonyId, userId: kosmo.userId, participantId: lni.participantId, fileName: 'x.pdf', bytes: await letter('x') }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      submitFullPowers({ ceremonyId: c.ceremonyId, userId: c.observerId, participantId: lni.participantId, fileName: 'x.pdf', bytes: await letter('x') }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.fullPowers.count({ where: { participantId: lni.participantId } })).toBe(0);
  });
});
