import ICAL from 'ical.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelCeremony } from '@/lib/ceremonies/cancel-ceremony';
import { createCeremony as createCeremonyUseCase } from '@/lib/ceremonies/create-ceremony';
import { rescheduleCeremony } from '@/lib/ceremonies/reschedule-ceremony';
import { updateCeremonyDetails } from '@/lib/ceremonies/update-ceremony-details';
import { db } from '@/lib/db';
import { addDelegation } from '@/lib/delegations/add-delegation';
import { addMember } from '@/lib/delegations/add-member';
import { importMembers, previewMemberImport } from '@/lib/delegations/import-members';
import { makeCoOrganiser } from '@/lib/delegations/make-co-organiser';
import { removeDelegation } from '@/lib/delegations/remove-delegation';
import { removeMember } from '@/lib/delegations/remove-member';
import { reorderDelegations } from '@/lib/delegations/reorder-delegations';
import { updateDelegation } from '@/lib/delegations/update-delegation';
import { updateMember } from '@/lib/delegations/update-member';
import { authorizeDocumentUpload } from '@/lib/documents/authorize-document-upload';
import { loadOriginalDocument } from '@/lib/documents/load-original-document';
import { removeDocument } from '@/lib/documents/remove-document';
import { saveDocumentFields } from '@/lib/documents/save-document-fields';
import { uploadAgreementDocument } from '@/lib/documents/upload-agreement-document';
import { loadCeremonyWorkspace } from '@/lib/ceremonies/load-ceremony-workspace';
import type { OutgoingMail } from '@/lib/mail/send-mail';
import { scheduleCeremony } from '@/lib/scheduling/schedule-ceremony';
import { sendDueReminders } from '@/lib/scheduling/send-due-reminders';
import { sendInvitations } from '@/lib/scheduling/send-invitations';
import { setSigningOrder } from '@/lib/scheduling/set-signing-order';
import { simplePdf } from '@accord/pdf-signing/testing/fixtures';
import { createCeremony, createUser } from '@/test/factories';

// Every mail is really recorded (lib/mail/send-mail.ts); the copy here also keeps the .ics.
const outbox = vi.hoisted(() => [] as OutgoingMail[]);
vi.mock('@/lib/mail/send-mail', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/mail/send-mail')>();
  return {
    ...original,
    sendMail: async (mail: OutgoingMail) => {
      const delivered = await original.sendMail(mail);
      if (delivered) outbox.push(mail);
      return delivered;
    },
  };
});

beforeEach(() => {
  outbox.length = 0;
});

function ics(mail: OutgoingMail) {
  const calendar = new ICAL.Component(ICAL.parse(mail.icalEvent!.content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    summary: event.getFirstPropertyValue('summary'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  };
}

function localInDays(days: number, time: string) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

/** Builds the LNI 4.0 × KOSMO ceremony through the use-cases, as the organiser's screens do. */
async function planReferenceCeremony() {
  const officer = await createUser({ globalRole: 'organiser', name: 'Protocol Officer' });
  const { id: ceremonyId } = await createCeremonyUseCase({
    userId: officer.id,
    title: 'Joint Declaration on Smart Manufacturing',
    description: 'Signing by video link',
    placeName: 'Berlin and Seoul',
    timeZone: 'Europe/Berlin',
    startLocal: localInDays(10, '10:00'),
    endLocal: localInDays(10, '11:00'),
  });
  const lni = await addDelegation({
    ceremonyId,
    userId: officer.id,
    name: 'LNI 4.0',
    country: 'Germany',
    capitalName: 'Berlin',
    capitalTimeZone: 'Europe/Berlin',
    defaultLocale: 'de',
  });
  const kosmo = await addDelegation({
    ceremonyId,
    userId: officer.id,
    name: 'KOSMO',
    country: 'Republic of Korea',
    capitalName: 'Seoul',
    capitalTimeZone: 'Asia/Seoul',
    defaultLocale: 'ko',
  });
  const suffix = Math.random().toString(36).slice(2, 8);
  const german = await addMember({
    ceremonyId,
    userId: officer.id,
    name: 'Dr. Anna Schäfer',
    title: 'Bundesministerin',
    email: `anna-${suffix}@lni.example.de`,
    role: 'signatory',
    delegationId: lni.id,
  });
  const korean = await addMember({
    ceremonyId,
    userId: officer.id,
    name: '김민준',
    title: '장관',
    email: `kim-${suffix}@kosmo.example.kr`,
    role: 'signatory',
    delegationId: kosmo.id,
  });
  const document = await uploadAgreementDocument({
    ceremonyId,
    userId: officer.id,
    bytes: new Uint8Array(await simplePdf({ pages: 2 })),
    language: 'en',
    title: 'Agreement',
    fileName: 'agreement.pdf',
  });
  return { ceremonyId, officer, lni, kosmo, german, korean, document };
}

describe('scheduling a ceremony', () => {
  it('creates, plans, schedules, invites each person in their language, reschedules with SEQUENCE 1 and cancels', async () => {
    const plan = await planReferenceCeremony();
    const { ceremonyId, officer } = plan;

    await expect(scheduleCeremony({ ceremonyId, userId: officer.id })).rejects.toMatchObject({ code: 'INVALID_STATE', fieldErrors: { checklist: 'fields' } });
    await saveDocumentFields({
      ceremonyId,
      userId: officer.id,
      documentId: plan.document.id,
      fields: [
        { participantId: plan.german.participantId, kind: 'signature', page: 2, x: 72, y: 100, width: 180, height: 54 },
        { participantId: plan.korean.participantId, kind: 'signature', page: 2, x: 320, y: 100, width: 180, height: 54 },
      ],
    });
    await setSigningOrder({ ceremonyId, userId: officer.id, signingOrder: 'sequential', sequence: [plan.kosmo.id, plan.lni.id] });
    const { plan: steps } = await scheduleCeremony({ ceremonyId, userId: officer.id });
    expect(steps.map((step) => step.kind === 'sign' && step.signatures[0]!.participantId)).toEqual([plan.korean.participantId, plan.german.participantId]);
    const scheduled = await db.ceremony.findUniqueOrThrow({ where: { id: ceremonyId } });
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', icsSequence: 0 });
    // The plan as scheduled is evidence in the audit log; the turn is decided from the order, delegations and fields, fixed once live.
    const scheduledEvent = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId, kind: 'ceremony.scheduled' } });
    expect(JSON.parse(scheduledEvent.payload).plan).toHaveLength(2);

    const report = await sendInvitations({ ceremonyId, userId: officer.id });
    expect(report).toMatchObject({ sent: 3, skipped: 0, failed: [] });
    const toKorean = outbox.find((mail) => mail.to.startsWith('kim-'))!;
    const toGerman = outbox.find((mail) => mail.to.startsWith('anna-'))!;
    expect(toKorean.subject).toBe('초대: Joint Declaration on Smart Manufacturing');
    expect(toKorean.locale).toBe('ko');
    expect(toKorean.text).toContain('역할: 서명자');
    expect(toKorean.text).toContain('KST');
    expect(ics(toKorean)).toMatchObject({
      method: 'REQUEST',
      uid: `${ceremonyId}@localhost`,
      sequence: 0,
      summary: '서명식: Joint Declaration on Smart Manufacturing',
      start: scheduled.scheduledStart.toISOString(),
    });
    expect(toGerman.subject).toBe('Einladung: Joint Declaration on Smart Manufacturing');
    expect(toGerman.text).toContain('Ihre Rolle: Unterzeichnende Person');
    expect(ics(toGerman).summary).toBe('Unterzeichnungszeremonie: Joint Declaration on Smart Manufacturing');
    expect(toGerman.text).toContain('/sign-in?callbackUrl=');

    // Sending again sends nothing twice; someone added later gets theirs.
    outbox.length = 0;
    await addMember({ ceremonyId, userId: officer.id, name: 'Press Office', email: `press-${Date.now()}@example.org`, role: 'observer' });
    expect(await sendInvitations({ ceremonyId, userId: officer.id })).toMatchObject({ sent: 1, skipped: 3 });

    // A Korean-preferring member of the German delegation gets Korean mail (preference first).
    const preference = await createUser({ locale: 'ko' });
    await addMember({ ceremonyId, userId: officer.id, name: 'Lee', email: preference.email, role: 'delegate', delegationId: plan.lni.id });
    outbox.length = 0;
    await sendInvitations({ ceremonyId, userId: officer.id });
    expect(outbox.map((mail) => [mail.to, mail.locale])).toEqual([[preference.email, 'ko']]);

    // Reschedule: everyone gets the moved invitation with SEQUENCE 1 and the same UID.
    outbox.length = 0;
    const moved = await rescheduleCeremony({
      ceremonyId,
      userId: officer.id,
      timeZone: 'Asia/Seoul',
      startLocal: localInDays(12, '17:00'),
      endLocal: localInDays(12, '18:00'),
    });
    expect(moved).toMatchObject({ sent: 5, failed: [] });
    expect(outbox.every((mail) => mail.kind === 'reschedule' && ics(mail).sequence === 1 && ics(mail).uid === `${ceremonyId}@localhost`)).toBe(true);
    expect(outbox.find((mail) => mail.to.startsWith('anna-'))!.subject).toBe('Neuer Termin: Joint Declaration on Smart Manufacturing');

    // A change the calendar does not show (same times) sends nothing.
    outbox.length = 0;
    const after = await db.ceremony.findUniqueOrThrow({ where: { id: ceremonyId } });
    expect(after.icsSequence).toBe(1);
    await updateCeremonyDetails({ ceremonyId, userId: officer.id, title: after.title, description: after.description, placeName: after.placeName });
    expect(outbox).toHaveLength(0);

    // Cancel: METHOD:CANCEL, next SEQUENCE, in each language.
    await cancelCeremony({ ceremonyId, userId: officer.id, reason: 'Postponed by mutual agreement' });
    expect(outbox).toHaveLength(5);
    expect(outbox.every((mail) => mail.kind === 'cancel' && ics(mail).method === 'CANCEL' && ics(mail).sequence === 2)).toBe(true);
    expect(outbox.find((mail) => mail.to.startsWith('kim-'))!.subject).toBe('취소: Joint Declaration on Smart Manufacturing');
    const kinds = (await db.auditEvent.findMany({ where: { ceremonyId }, orderBy: { seq: 'asc' } })).map((event) => event.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'ceremony.created',
        'delegation.added',
        'participant.added',
        'document.uploaded',
        'document.fields-placed',
        'ceremony.signing-order-set',
        'ceremony.scheduled',
        'ceremony.invitations-sent',
        'ceremony.rescheduled',
        'ceremony.cancelled',
      ]),
    );
  });

  it('sends the 24-hour and 15-minute reminders once each, idempotently', async () => {
    const plan = await planReferenceCeremony();
    const start = new Date(Date.now() + 30 * 3_600_000);
    await db.ceremony.update({
      where: { id: plan.ceremonyId },
      data: { state: 'SCHEDULED', invitationsSentAt: new Date(), scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3_600_000) },
    });
    expect((await sendDueReminders({ now: new Date(start.getTime() - 25 * 3_600_000) })).filter((run) => run.ceremonyId === plan.ceremonyId)).toEqual([]);
    const day = (await sendDueReminders({ now: new Date(start.getTime() - 23 * 3_600_000) })).find((run) => run.ceremonyId === plan.ceremonyId);
    expect(day).toMatchObject({ kind: 'reminder-24h', report: { sent: 3 } });
    const again = (await sendDueReminders({ now: new Date(start.getTime() - 22 * 3_600_000) })).find((run) => run.ceremonyId === plan.ceremonyId);
    expect(again).toMatchObject({ kind: 'reminder-24h', report: { sent: 0, skipped: 3 } });
    const soon = (await sendDueReminders({ now: new Date(start.getTime() - 10 * 60_000) })).find((run) => run.ceremonyId === plan.ceremonyId);
    expect(soon).toMatchObject({ kind: 'reminder-15m', report: { sent: 3 } });
    expect(outbox.filter((mail) => mail.to.startsWith('kim-')).map((mail) => mail.subject)).toEqual([
      '알림: Joint Declaration on Smart Manufacturing',
      '15분 후 시작: Joint Declaration on Smart Manufacturing',
    ]);
    expect(outbox.every((mail) => mail.icalEvent === undefined)).toBe(true);
  });

  it('imports pasted members all-or-nothing, unless asked to import only the valid rows', async () => {
    const plan = await planReferenceCeremony();
    const { ceremonyId, officer } = plan;
    const csv = [
      'name,title,email,role,delegation',
      'Jörg Weiß,Referent,joerg@lni.example.de,delegate,LNI 4.0',
      'Broken,,not-an-email,delegate,KOSMO',
      '박서연,의전관,park@kosmo.example.kr,witness,KOSMO',
    ].join('\n');
    const preview = await previewMemberImport({ ceremonyId, userId: officer.id, csv, defaultDelegationId: null });
    expect(preview.map((row) => Object.keys(row.errors))).toEqual([[], ['email'], []]);
    const before = await db.participant.count({ where: { ceremonyId } });
    await expect(importMembers({ ceremonyId, userId: officer.id, csv, defaultDelegationId: null, onlyValid: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { csv: 'rowsInvalid' },
    });
    expect(await db.participant.count({ where: { ceremonyId } })).toBe(before);
    expect(await importMembers({ ceremonyId, userId: officer.id, csv, defaultDelegationId: null, onlyValid: true })).toMatchObject({ imported: 2, skipped: 1 });
    const park = await db.participant.findFirstOrThrow({ where: { ceremonyId, user: { email: 'park@kosmo.example.kr' } } });
    expect(park).toMatchObject({ role: 'witness', delegationId: plan.kosmo.id, displayName: '박서연' });
  });

  it('validates fields against the stored page box on the server', async () => {
    const plan = await planReferenceCeremony();
    await expect(
      saveDocumentFields({
        ceremonyId: plan.ceremonyId,
        userId: plan.officer.id,
        documentId: plan.document.id,
        fields: [
          { participantId: plan.german.participantId, kind: 'signature', page: 1, x: 500, y: 100, width: 180, height: 54 },
          { participantId: plan.korean.participantId, kind: 'signature', page: 9, x: 72, y: 100, width: 180, height: 54 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { 'fields.0': 'outsidePage', 'fields.1': 'page' } });
    expect(await db.signatureField.count({ where: { documentId: plan.document.id } })).toBe(0);
  });

  it('only protocol officers create ceremonies', async () => {
    const member = await createUser();
    await expect(
      createCeremonyUseCase({
        userId: member.id,
        title: 'X',
        description: '',
        placeName: '',
        timeZone: 'Europe/Berlin',
        startLocal: localInDays(3, '10:00'),
        endLocal: localInDays(3, '11:00'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('who may plan (hostile case "Cross-ceremony access")', () => {
  async function snapshot(ceremonyId: string) {
    const ceremony = await db.ceremony.findUniqueOrThrow({
      where: { id: ceremonyId },
      include: { delegations: { orderBy: { position: 'asc' } }, participants: { orderBy: { id: 'asc' } }, documents: { include: { fields: true } } },
    });
    const [events, mails] = await Promise.all([db.auditEvent.count({ where: { ceremonyId } }), db.mailMessage.count({ where: { ceremonyId } })]);
    return JSON.stringify({ ceremony, events, mails });
  }

  it('a signatory of the ceremony gets FORBIDDEN, another ceremony’s organiser NOT_FOUND, and nothing changes', async () => {
    const fixture = await createCeremony({ state: 'DRAFT' });
    const stranger = await createCeremony({ state: 'DRAFT' });
    const ceremonyId = fixture.ceremonyId;
    const document = await uploadAgreementDocument({
      ceremonyId,
      userId: fixture.organiser.userId,
      bytes: new Uint8Array(await simplePdf()),
      language: 'en',
      title: 'Agreement',
      fileName: 'a.pdf',
    });
    const [lni, kosmo] = fixture.delegations;
    const target = lni!.signatory.participantId;
    const pdf = new Uint8Array(await simplePdf({ pages: 3 }));
    const inFuture = { timeZone: 'Europe/Berlin', startLocal: localInDays(5, '10:00'), endLocal: localInDays(5, '11:00') };
    const useCases: [string, (userId: string) => Promise<unknown>][] = [
      ['updateCeremonyDetails', (userId) => updateCeremonyDetails({ ceremonyId, userId, title: 'Hijacked', description: '', placeName: '' })],
      ['rescheduleCeremony', (userId) => rescheduleCeremony({ ceremonyId, userId, ...inFuture })],
      ['cancelCeremony', (userId) => cancelCeremony({ ceremonyId, userId })],
      [
        'addDelegation',
        (userId) => addDelegation({ ceremonyId, userId, name: 'Intruders', country: 'X', capitalName: 'X', capitalTimeZone: 'UTC', defaultLocale: 'en' }),
      ],
      [
        'updateDelegation',
        (userId) =>
          updateDelegation({
            ceremonyId,
            userId,
            delegationId: lni!.id,
            name: 'Renamed',
            country: 'X',
            capitalName: 'X',
            capitalTimeZone: 'UTC',
            defaultLocale: 'en',
          }),
      ],
      ['removeDelegation', (userId) => removeDelegation({ ceremonyId, userId, delegationId: kosmo!.id })],
      ['reorderDelegations', (userId) => reorderDelegations({ ceremonyId, userId, order: [kosmo!.id, lni!.id] })],
      ['addMember', (userId) => addMember({ ceremonyId, userId, name: 'Mole', email: 'mole@example.org', role: 'signatory', delegationId: lni!.id })],
      [
        'updateMember',
        (userId) => updateMember({ ceremonyId, userId, participantId: target, name: 'Changed', title: '', role: 'delegate', delegationId: lni!.id }),
      ],
      ['removeMember', (userId) => removeMember({ ceremonyId, userId, participantId: target })],
      ['makeCoOrganiser', (userId) => makeCoOrganiser({ ceremonyId, userId, participantId: fixture.observer.participantId })],
      ['previewMemberImport', (userId) => previewMemberImport({ ceremonyId, userId, csv: 'a,,a@example.org,delegate', defaultDelegationId: lni!.id })],
      ['importMembers', (userId) => importMembers({ ceremonyId, userId, csv: 'a,,a@example.org,delegate', defaultDelegationId: lni!.id, onlyValid: true })],
      ['authorizeDocumentUpload', (userId) => authorizeDocumentUpload({ ceremonyId, userId })],
      ['uploadAgreementDocument', (userId) => uploadAgreementDocument({ ceremonyId, userId, bytes: pdf, language: 'de', title: 'Mine', fileName: 'm.pdf' })],
      [
        'saveDocumentFields',
        (userId) =>
          saveDocumentFields({
            ceremonyId,
            userId,
            documentId: document.id,
            fields: [{ participantId: target, kind: 'signature', page: 1, x: 72, y: 72, width: 180, height: 54 }],
          }),
      ],
      ['removeDocument', (userId) => removeDocument({ ceremonyId, userId, documentId: document.id })],
      ['setSigningOrder', (userId) => setSigningOrder({ ceremonyId, userId, signingOrder: 'parallel', sequence: [] })],
      ['scheduleCeremony', (userId) => scheduleCeremony({ ceremonyId, userId })],
      ['sendInvitations', (userId) => sendInvitations({ ceremonyId, userId })],
    ];
    const before = await snapshot(ceremonyId);
    for (const [name, call] of useCases) {
      await expect(call(lni!.signatory.userId), `${name} by a signatory`).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(fixture.observer.userId), `${name} by the press`).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(stranger.organiser.userId), `${name} by another ceremony's organiser`).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await snapshot(ceremonyId)).toBe(before);

    // Reading: the workspace is for organisers; the file for participants (not the press before release).
    expect(await loadCeremonyWorkspace({ ceremonyId, userId: lni!.signatory.userId })).toEqual({ state: 'forbidden', ceremonyId });
    await expect(loadCeremonyWorkspace({ ceremonyId, userId: stranger.organiser.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadOriginalDocument({ ceremonyId, documentId: document.id, userId: stranger.organiser.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadOriginalDocument({ ceremonyId: stranger.ceremonyId, documentId: document.id, userId: stranger.organiser.userId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(loadOriginalDocument({ ceremonyId, documentId: document.id, userId: fixture.observer.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const file = await loadOriginalDocument({ ceremonyId, documentId: document.id, userId: lni!.signatory.userId });
    expect(file.sha256).toBe(document.originalSha256);
  });
});
