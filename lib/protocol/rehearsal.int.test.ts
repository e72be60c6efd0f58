import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { readRevisionBytes } from '@/lib/documents/read-revision-bytes';
import { goLive } from '@/lib/live/go-live';
import { loadRoom } from '@/lib/live/load-room';
import { loadCeremonyProtocol } from '@/lib/protocol/load-ceremony-protocol';
import { loadRoomProgramme } from '@/lib/protocol/load-room-programme';
import { moveRunOfShow } from '@/lib/protocol/move-run-of-show';
import { recordReadiness } from '@/lib/protocol/record-readiness';
import { scheduleRehearsal } from '@/lib/protocol/schedule-rehearsal';
import { sendRehearsalInvitations } from '@/lib/protocol/send-rehearsal-invitations';
import { signSpecimen } from '@/lib/protocol/sign-specimen';
import { openSigning } from '@/lib/signing/open-signing';
import { expectPdfsigAllValid, runPdftotext } from '@accord/pdf-signing/testing/external-validators';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createCeremony, createSigningCeremony } from '@/test/factories';

/** Everything the real agreement is made of: any change here would be evidence touched by the rehearsal. */
async function realAgreementState(documentIds: string[]) {
  const [revisions, signatures, filledFields] = await Promise.all([
    db.documentRevision.findMany({
      where: { documentId: { in: documentIds } },
      orderBy: [{ documentId: 'asc' }, { number: 'asc' }],
      select: { documentId: true, number: true, sha256: true },
    }),
    db.signature.count({ where: { documentId: { in: documentIds } } }),
    db.signatureField.count({ where: { documentId: { in: documentIds }, signatureId: { not: null } } }),
  ]);
  return { revisions, signatures, filledFields };
}

/** A SCHEDULED alternat ceremony with its rehearsal planned (24 hours before). */
async function scheduledWithRehearsal() {
  const c = await createSigningCeremony({ order: 'alternat' });
  await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'SCHEDULED', scheduledStart: new Date(Date.now() + 3 * 86_400_000) } });
  await scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.organiserId, slot: 'default' });
  return c;
}

describe('technical rehearsal', () => {
  it('runs the programme on SPECIMEN copies: signatures there never become revisions of the real agreement', async () => {
    const c = await scheduledWithRehearsal();
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const before = await realAgreementState(c.documentIds);
    expect(before.revisions.map((r) => r.number)).toEqual([0, 0]);

    // The same room (everyone admitted may enter the scheduled room) and programme; reaching signing makes the specimens.
    const move = () => moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action: 'advance' });
    expect((await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: true })).rehearsal).toBe(true);
    for (let step = 0; step < 4; step++) await move();
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('SCHEDULED');
    const specimens = await db.agreementDocument.findMany({ where: { ceremonyId: c.ceremonyId, specimen: true }, orderBy: { createdAt: 'asc' } });
    expect(specimens.map((s) => s.specimenOfId).sort()).toEqual([...c.documentIds].sort());
    const roomView = await loadRoom({ ceremonyId: c.ceremonyId, userId: lni.userId });
    expect(roomView.kind === 'open' && roomView.ceremony.documents.map((d) => d.id).sort()).toEqual(specimens.map((s) => s.id).sort());
    expect(roomView.kind === 'open' && roomView.me.mayEnterRoom).toBe(true);
    const specimenText = runPdftotext((await readRevisionBytes({ documentId: specimens[0]!.id })).bytes);
    expect(specimenText).toContain('SPECIMEN');

    // Both signatories try the pad; the exchange step records nothing in a rehearsal.
    await signSpecimen({ ceremonyId: c.ceremonyId, userId: lni.userId, capture: { typed: lni.signer } });
    await signSpecimen({ ceremonyId: c.ceremonyId, userId: kosmo.userId, capture: { typed: kosmo.signer } });
    await move();
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.originals-exchanged' } })).toBe(0);

    // Real signing refuses the specimen (and anything while the ceremony is only scheduled).
    await expect(
      signAgreement({
        ceremonyId: c.ceremonyId,
        documentId: specimens[0]!.id,
        userId: lni.userId,
        idempotencyKey: `k-${randomUUID()}`,
        capture: { typed: lni.signer },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const specimenSignatures = await db.signature.findMany({ where: { document: { ceremonyId: c.ceremonyId } } });
    expect(specimenSignatures.map((s) => s.kind)).toEqual(['specimen', 'specimen']);
    expect(specimenSignatures.every((s) => specimens.some((d) => d.id === s.documentId))).toBe(true);
    expect(await realAgreementState(c.documentIds)).toEqual(before);
    // Both tried on the first specimen (each has a field there): two valid incremental signatures, on the copy only.
    expect(new Set(specimenSignatures.map((s) => s.documentId)).size).toBe(1);
    const signedSpecimen = await readRevisionBytes({ documentId: specimenSignatures[0]!.documentId });
    expect(signedSpecimen.revision).toMatchObject({ kind: 'signed', number: 3 });
    expectPdfsigAllValid(signedSpecimen.bytes, 2);

    // The signing pad counts as tried on the organiser's checklist.
    await recordReadiness({ ceremonyId: c.ceremonyId, userId: kosmo.userId, cameraOk: true, microphoneOk: false, connectionQuality: 'good' });
    const me = await db.participant.findUniqueOrThrow({ where: { ceremonyId_userId: { ceremonyId: c.ceremonyId, userId: c.organiserId } } });
    const checklist = await loadCeremonyProtocol(db, { ceremonyId: c.ceremonyId, participantId: me.id, role: 'organiser' });
    const rows = new Map(checklist.organiser!.readiness.map((row) => [row.name, row.check]));
    expect(rows.get(lni.signer)).toMatchObject({ signingPadTried: true });
    expect(rows.get(kosmo.signer)).toMatchObject({ cameraOk: true, microphoneOk: false, connectionQuality: 'good', signingPadTried: true });
    await expect(
      recordReadiness({ ceremonyId: c.ceremonyId, userId: c.observerId, cameraOk: true, microphoneOk: true, connectionQuality: 'good' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Going live starts the programme afresh on the real agreement, whose prepared revision follows the untouched original.
    await goLive({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const live = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: true });
    expect(live).toMatchObject({ rehearsal: false, started: false, currentStepId: null });
    expect(live.steps.every((s) => s.status === 'upcoming')).toBe(true);
    const liveRoom = await loadRoom({ ceremonyId: c.ceremonyId, userId: lni.userId });
    expect(liveRoom.kind === 'open' && liveRoom.ceremony.documents.map((d) => d.id)).toEqual(c.documentIds);
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const prepared = await db.documentRevision.findMany({ where: { documentId: { in: c.documentIds }, number: 1 } });
    expect(prepared.map((r) => r.previousSha256).sort()).toEqual(before.revisions.map((r) => r.sha256).sort());
    // With signing open, a specimen is still no document of the agreement.
    await expect(
      signAgreement({
        ceremonyId: c.ceremonyId,
        documentId: specimens[0]!.id,
        userId: lni.userId,
        idempotencyKey: `k-${randomUUID()}`,
        capture: { typed: lni.signer },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a signatory tries the pad once; outside a rehearsal it is refused', async () => {
    const c = await scheduledWithRehearsal();
    const lni = c.parties[0]!;
    await expect(signSpecimen({ ceremonyId: c.ceremonyId, userId: lni.userId, capture: { typed: 'x' } })).rejects.toMatchObject({
      message: 'The specimen copy is not ready yet.',
    });
    for (let step = 0; step < 4; step++) await moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action: 'advance' });
    await expect(signSpecimen({ ceremonyId: c.ceremonyId, userId: c.observerId, capture: { typed: 'x' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Alternat: LNI has fields on both originals; each try fills the next specimen, then there is nothing left.
    expect(await signSpecimen({ ceremonyId: c.ceremonyId, userId: lni.userId, capture: { typed: lni.signer } })).toMatchObject({ signed: true });
    expect(await signSpecimen({ ceremonyId: c.ceremonyId, userId: lni.userId, capture: { typed: lni.signer } })).toMatchObject({ signed: true });
    expect(await signSpecimen({ ceremonyId: c.ceremonyId, userId: lni.userId, capture: { typed: lni.signer } })).toMatchObject({
      signed: false,
      alreadyTried: true,
    });

    const live = await createSigningCeremony({ order: 'parallel' });
    await expect(signSpecimen({ ceremonyId: live.ceremonyId, userId: live.parties[0]!.userId, capture: { typed: 'x' } })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('is planned 24 hours before by default, before the ceremony only, and invited to with its own calendar entry', async () => {
    const c = await createCeremony();
    const ceremony = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } });
    await scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, slot: 'default' });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).rehearsalStart).toEqual(
      new Date(ceremony.scheduledStart.getTime() - 86_400_000),
    );
    await expect(
      scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, slot: { timeZone: 'Europe/Berlin', startLocal: '2099-01-01T10:00' } }),
    ).rejects.toMatchObject({
      fieldErrors: { startLocal: 'rehearsalAfterCeremony' },
    });
    await expect(scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.delegations[0]!.signatory.userId, slot: 'default' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const report = await sendRehearsalInvitations({ ceremonyId: c.ceremonyId, userId: c.organiser.userId });
    expect(report).toMatchObject({ sent: 3, failed: [] });
    const mails = await db.mailMessage.findMany({ where: { ceremonyId: c.ceremonyId, kind: 'rehearsal' } });
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.dedupeKey?.endsWith(':seq0'))).toBe(true);
    expect((await sendRehearsalInvitations({ ceremonyId: c.ceremonyId, userId: c.organiser.userId })).skipped).toBe(3);

    // Moving the slot raises the rehearsal's own SEQUENCE, and the invitations go out again.
    const moved = new Date(ceremony.scheduledStart.getTime() - 2 * 86_400_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(moved).replace(' ', 'T');
    await scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, slot: { timeZone: 'Europe/Berlin', startLocal: local } });
    expect((await sendRehearsalInvitations({ ceremonyId: c.ceremonyId, userId: c.organiser.userId })).sent).toBe(3);
    expect(await db.mailMessage.count({ where: { ceremonyId: c.ceremonyId, kind: 'rehearsal', dedupeKey: { endsWith: ':seq1' } } })).toBe(3);
  });
});
