import { describe, expect, it } from 'vitest';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { confirmRollCall } from '@/lib/protocol/confirm-roll-call';
import { loadRoomProgramme } from '@/lib/protocol/load-room-programme';
import { moveRunOfShow } from '@/lib/protocol/move-run-of-show';
import { updateProgramme } from '@/lib/protocol/update-programme';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { createCeremony, createSigningCeremony } from '@/test/factories';
import { signMyTurnAsShown } from '@/test/signing-confirmation';

const countEvents = (ceremonyId: string) => db.auditEvent.count({ where: { ceremonyId } });
const movedEvents = (ceremonyId: string) => db.auditEvent.findMany({ where: { ceremonyId, kind: 'run-of-show.moved' }, orderBy: { seq: 'asc' } });

describe('run of show in the room', () => {
  it('each step change writes exactly one audit event; signing opens at its step; the exchange waits for the own originals', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const move = (action: 'advance' | 'back' | 'skip') => moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action });

    // Everyone sees the template before the first move; nothing is written by looking.
    const before = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false });
    expect(before.steps.map((s) => s.kind)).toEqual(['opening', 'remarks', 'remarks', 'signing', 'exchange', 'closing']);
    expect(before.steps[1]!.speaker).toEqual({ name: lni.signer, delegation: lni.name });
    expect(before).toMatchObject({ currentStepId: null, started: false, rollCall: null });
    expect(await db.runOfShowStep.count({ where: { ceremonyId: c.ceremonyId } })).toBe(0);

    for (const expected of ['opening', 'remarks', 'remarks']) {
      const events = await countEvents(c.ceremonyId);
      expect(await move('advance')).toMatchObject({ kind: expected });
      expect(await countEvents(c.ceremonyId)).toBe(events + 1);
    }
    const events = await countEvents(c.ceremonyId);
    await move('back');
    expect(await countEvents(c.ceremonyId)).toBe(events + 1);
    // Back reopens LNI's remarks; skipping them moves on to KOSMO's.
    await move('skip');
    const view = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false });
    expect(view.steps.map((s) => s.status)).toEqual(['done', 'skipped', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(view.steps.find((s) => s.id === view.nextStepId)?.kind).toBe('signing');
    expect(await move('advance')).toMatchObject({ kind: 'signing' });

    // Reaching the signing step opened signing (its own event, plus the move's one).
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('SIGNING');
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.opened' } })).toBe(1);
    await expect(move('skip')).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'The signing cannot be skipped.' });

    // The exchange step records the exchange, which needs each party's own original signed first.
    const beforeRefusal = await countEvents(c.ceremonyId);
    await expect(move('advance')).rejects.toMatchObject({ message: 'Each party must first sign its own original.' });
    expect(await countEvents(c.ceremonyId)).toBe(beforeRefusal);
    await signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: lni.userId, idempotencyKey: 'ros-lni-own', capture: { typed: lni.signer } });
    await signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: kosmo.userId, idempotencyKey: 'ros-kosmo-own', capture: { typed: kosmo.signer } });
    await move('advance');
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.originals-exchanged' } })).toBe(1);
    await move('advance');
    await move('advance');
    const finished = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false });
    expect(finished).toMatchObject({ currentStepId: null, nextStepId: null, finished: true });

    const moved = await movedEvents(c.ceremonyId);
    expect(moved.map((e) => JSON.parse(e.payload).action)).toEqual([
      'advance',
      'advance',
      'advance',
      'back',
      'skip',
      'advance',
      'advance',
      'advance',
      'advance',
    ]);
    expect(JSON.parse(moved[0]!.payload).times).toEqual([expect.stringMatching(/^Berlin: /), expect.stringMatching(/^Seoul: /)]);
  });

  it('runs on after conclusion through the closing and photo; the exchange is not recorded again', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const move = (action: 'advance' | 'back' | 'skip') => moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action });
    const sign = (party: typeof lni, key: string) =>
      signMyTurnAsShown({ ceremonyId: c.ceremonyId, userId: party.userId, idempotencyKey: `${key}-${c.ceremonyId}`, capture: { typed: party.signer } });
    for (let step = 0; step < 4; step++) await move('advance');
    await sign(lni, 'own-lni');
    await sign(kosmo, 'own-kosmo');
    expect(await move('advance')).toMatchObject({ kind: 'exchange' });
    await sign(lni, 'counter-lni');
    await sign(kosmo, 'counter-kosmo');
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');

    // The conclusion moved the programme on to the closing and photo, with its own event.
    const concluded = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false });
    expect(concluded.steps.find((step) => step.id === concluded.currentStepId)?.kind).toBe('closing');
    expect(JSON.parse((await movedEvents(c.ceremonyId)).at(-1)!.payload)).toMatchObject({ action: 'follow', milestone: 'concluded', stepKind: 'closing' });
    const events = await countEvents(c.ceremonyId);
    // Back to the exchange and on again: the exchange is on record already, nothing else is written.
    expect(await move('back')).toMatchObject({ kind: 'exchange' });
    expect(await move('advance')).toMatchObject({ kind: 'closing' });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.originals-exchanged' } })).toBe(1);
    expect(await move('advance')).toEqual({ currentStepId: null, kind: null });
    expect(await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false })).toMatchObject({ finished: true, currentStepId: null });
    expect(await countEvents(c.ceremonyId)).toBe(events + 3);
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');
    // The roll call is still shown to the organiser, read-only: it is refused after conclusion.
    expect((await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: true })).rollCall).toMatchObject({ canConfirm: false });
    await expect(confirmRollCall({ ceremonyId: c.ceremonyId, userId: c.organiserId, presentParticipantIds: [] })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });

    // Once archived (ended for everyone), the programme is over for good and nothing is written.
    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'ARCHIVED' } });
    await expect(move('back')).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'The programme runs only while the ceremony is live.' });
    expect(await countEvents(c.ceremonyId)).toBe(events + 3);
  });

  it('reaches the closing after conclusion even when signing was concluded before the programme got there', async () => {
    const c = await createConcludedCeremony({ title: 'Programme after the fact' });
    const move = (action: 'advance' | 'skip') => moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.organiserId, action });
    for (const kind of ['opening', 'remarks', 'remarks', 'signing', 'closing']) expect(await move('advance')).toMatchObject({ kind });
    // Beginning the signing step did not try to open signing again.
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'signing.opened' } })).toBe(1);
    expect((await movedEvents(c.ceremonyId)).map((event) => JSON.parse(event.payload).stepKind)).toEqual([
      'opening',
      'remarks',
      'remarks',
      'signing',
      'closing',
    ]);
    await expect(moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.parties[0]!.userId, action: 'advance' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('only the organiser moves the programme, and only while the ceremony is live', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await expect(moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.observerId, action: 'advance' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveRunOfShow({ ceremonyId: c.ceremonyId, userId: c.parties[0]!.userId, action: 'advance' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const scheduled = await createCeremony();
    await expect(moveRunOfShow({ ceremonyId: scheduled.ceremonyId, userId: scheduled.organiser.userId, action: 'advance' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'run-of-show.moved' } })).toBe(0);
  });
});

describe('roll call', () => {
  it('is prefilled from LiveKit attendance and confirmed by the organiser, with one audit event', async () => {
    const c = await createSigningCeremony({ order: 'alternat' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const [lniOfficer] = c.partyOrganisers;
    // LNI's signatory joined and stayed; KOSMO's joined and left again.
    await transaction(async (tx) => {
      for (const [kind, participantId] of [
        ['participant.joined', lni.participantId],
        ['participant.joined', kosmo.participantId],
        ['participant.left', kosmo.participantId],
      ] as const) {
        await appendAuditEvent(tx, { ceremonyId: c.ceremonyId, kind, payload: { participantId } });
      }
    });
    const organiserView = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: true });
    const members = organiserView.rollCall!.delegations.flatMap((d) => d.members);
    expect(members.find((m) => m.participantId === lni.participantId)).toMatchObject({ inRoom: true, confirmedAt: null });
    expect(members.find((m) => m.participantId === kosmo.participantId)).toMatchObject({ inRoom: false });
    expect(members.map((m) => m.role)).not.toContain('observer');
    expect((await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: false })).rollCall).toBeNull();

    const now = new Date('2026-11-26T09:05:00Z');
    await expect(confirmRollCall({ ceremonyId: c.ceremonyId, userId: lni.userId, presentParticipantIds: [lni.participantId] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(confirmRollCall({ ceremonyId: c.ceremonyId, userId: c.organiserId, presentParticipantIds: ['somebody-else'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await confirmRollCall({ ceremonyId: c.ceremonyId, userId: c.organiserId, presentParticipantIds: [lni.participantId, lniOfficer!.participantId], now });

    const rows = await db.participant.findMany({ where: { ceremonyId: c.ceremonyId }, select: { id: true, presentConfirmedAt: true } });
    const confirmed = new Map(rows.map((row) => [row.id, row.presentConfirmedAt]));
    expect(confirmed.get(lni.participantId)).toEqual(now);
    expect(confirmed.get(lniOfficer!.participantId)).toEqual(now);
    expect(confirmed.get(kosmo.participantId)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'roll-call.confirmed' } });
    const payload = JSON.parse(event.payload) as { present: { name: string }[]; absent: { name: string }[]; times: string[] };
    expect(payload.present.map((p) => p.name)).toContain(lni.signer);
    expect(payload.absent.map((p) => p.name)).toContain(kosmo.signer);
    expect(payload.times).toEqual(['Berlin: Thursday, 26 November 2026, 10:05 CET', 'Seoul: Thursday, 26 November 2026, 18:05 KST']);

    // Confirming again later: someone marked absent arrived, someone left.
    await confirmRollCall({ ceremonyId: c.ceremonyId, userId: c.organiserId, presentParticipantIds: [kosmo.participantId] });
    const after = await loadRoomProgramme(db, { ceremonyId: c.ceremonyId, isOrganiser: true });
    const again = after.rollCall!.delegations.flatMap((d) => d.members);
    expect(again.find((m) => m.participantId === kosmo.participantId)!.confirmedAt).not.toBeNull();
    expect(again.find((m) => m.participantId === lni.participantId)!.confirmedAt).toBeNull();
    expect(after.rollCall!.confirmedAt).not.toBeNull();
    expect(after.rollCall!.canConfirm).toBe(true);
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'roll-call.confirmed' } })).toBe(2);
  });

  it('is taken only while the ceremony is live', async () => {
    const c = await createCeremony();
    await expect(confirmRollCall({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, presentParticipantIds: [] })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});

describe('editing the programme beforehand', () => {
  it('saves the template with renames, reordering, a custom step and a removal; keeps signing', async () => {
    const c = await createCeremony();
    const [lni, kosmo] = c.delegations;
    const update = (steps: Parameters<typeof updateProgramme>[0]['steps']) => updateProgramme({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, steps });

    // First save of the template shown on screen (no ids yet): KOSMO speaks first, LNI's remarks are dropped, a custom step is added.
    await update([
      { id: null, kind: 'opening', title: 'Welcome', speakerParticipantId: c.organiser.participantId },
      { id: null, kind: 'remarks', title: '', speakerParticipantId: kosmo!.signatory.participantId },
      { id: null, kind: 'custom', title: 'Musical interlude', speakerParticipantId: null },
      { id: null, kind: 'signing', title: '', speakerParticipantId: null },
      { id: null, kind: 'closing', title: '', speakerParticipantId: null },
    ]);
    const saved = await db.runOfShowStep.findMany({ where: { ceremonyId: c.ceremonyId }, orderBy: { position: 'asc' } });
    expect(saved.map((s) => [s.kind, s.title])).toEqual([
      ['opening', 'Welcome'],
      ['remarks', ''],
      ['custom', 'Musical interlude'],
      ['signing', ''],
      ['closing', ''],
    ]);
    expect(saved[1]!.speakerParticipantId).toBe(kosmo!.signatory.participantId);
    expect(saved.map((s) => s.speakerParticipantId)).not.toContain(lni!.signatory.participantId);

    const asInput = saved.map((s) => ({ id: s.id, kind: s.kind as 'custom', title: s.title, speakerParticipantId: s.speakerParticipantId }));
    await expect(update(asInput.filter((s) => s.kind !== ('signing' as string)))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { form: 'signingRequired' },
    });
    await expect(update([...asInput, { id: null, kind: 'custom', title: '', speakerParticipantId: null }])).rejects.toMatchObject({
      fieldErrors: { 'steps.5.title': 'titleRequired' },
    });
    await expect(update(asInput.map((s, i) => (i === 0 ? { ...s, speakerParticipantId: c.observer.participantId } : s)))).rejects.toMatchObject({
      fieldErrors: { 'steps.0.speakerParticipantId': 'invalidSpeaker' },
    });
    await expect(updateProgramme({ ceremonyId: c.ceremonyId, userId: lni!.signatory.userId, steps: asInput })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Reorder: the interlude goes first.
    await update([asInput[2]!, ...asInput.filter((_, i) => i !== 2)]);
    expect((await db.runOfShowStep.findMany({ where: { ceremonyId: c.ceremonyId }, orderBy: { position: 'asc' } })).map((s) => s.title)[0]).toBe(
      'Musical interlude',
    );
    expect(await db.auditEvent.count({ where: { ceremonyId: c.ceremonyId, kind: 'run-of-show.updated' } })).toBe(2);

    await db.ceremony.update({ where: { id: c.ceremonyId }, data: { state: 'LIVE' } });
    await expect(update(asInput)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
