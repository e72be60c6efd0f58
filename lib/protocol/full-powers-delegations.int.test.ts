import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { updateMember } from '@/lib/delegations/update-member';
import { reviewFullPowers } from '@/lib/protocol/review-full-powers';
import { submitFullPowers } from '@/lib/protocol/submit-full-powers';
import { generateFullPowersLetter } from '@accord/pdf-signing/generate-full-powers-letter';
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

describe('full powers are examined across delegations', () => {
  it('an organiser with no delegation may approve; a member of the signatory’s own delegation never', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    const [lni] = c.parties as [(typeof c.parties)[0]];
    const [lniOfficer] = c.partyOrganisers as [(typeof c.partyOrganisers)[0]];
    const submitted = await submitFullPowers({
      ceremonyId: c.ceremonyId,
      userId: lni.userId,
      participantId: lni.participantId,
      fileName: 'vollmacht.pdf',
      bytes: await letter(lni.signer),
    });

    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: lniOfficer.userId, fullPowersId: submitted.id, review: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      reviewFullPowers({ ceremonyId: c.ceremonyId, userId: c.organiserId, fullPowersId: submitted.id, review: { decision: 'approve' } }),
    ).resolves.toEqual({ status: 'approved' });
    expect(await db.fullPowers.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({ status: 'approved', reviewedById: c.organiserId });
  });

  it('refuses moving the signatory, or the organiser who examined their letter, to another delegation once full powers exist', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const [lniOfficer, kosmoOfficer] = c.partyOrganisers as [(typeof c.partyOrganisers)[0], (typeof c.partyOrganisers)[0]];
    // The people of a ceremony change only before the day.
    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'SCHEDULED' } });
    const submitted = await submitFullPowers({
      ceremonyId: c.ceremonyId,
      userId: lni.userId,
      participantId: lni.participantId,
      fileName: 'vollmacht.pdf',
      bytes: await letter(lni.signer),
    });
    await reviewFullPowers({ ceremonyId: c.ceremonyId, userId: kosmoOfficer.userId, fullPowersId: submitted.id, review: { decision: 'approve' } });

    const move = (participantId: string, name: string, role: 'signatory' | 'organiser', delegationId: string) =>
      updateMember({ ceremonyId: c.ceremonyId, userId: c.organiserId, participantId, name, title: '', role, delegationId });
    const refusal = { code: 'CONFLICT', fieldErrors: { delegationId: 'fullPowersExist' } };
    // The signatory into the approver's delegation, or the approver into the signatory's: either makes it an approval by their own side.
    await expect(move(lni.participantId, lni.signer, 'signatory', kosmo.delegationId)).rejects.toMatchObject(refusal);
    await expect(move(kosmoOfficer.participantId, 'Protocol KOSMO', 'organiser', lni.delegationId)).rejects.toMatchObject(refusal);
    expect(await db.participant.findUniqueOrThrow({ where: { id: lni.participantId } })).toMatchObject({ delegationId: lni.delegationId });
    expect(await db.participant.findUniqueOrThrow({ where: { id: kosmoOfficer.participantId } })).toMatchObject({ delegationId: kosmo.delegationId });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'participant.changed' } })).toBe(0);

    // Other edits of the same people, and moves of people without full powers, still work.
    await move(lni.participantId, `${lni.signer} (Chair)`, 'signatory', lni.delegationId);
    await move(lniOfficer.participantId, 'Protocol LNI', 'organiser', kosmo.delegationId);
    expect(await db.participant.findUniqueOrThrow({ where: { id: lniOfficer.participantId } })).toMatchObject({ delegationId: kosmo.delegationId });
  });
});
