import { randomBytes, randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { openSigning } from '@/lib/signing/open-signing';
import { resolveSigningConsent } from '@/lib/signing/signing-consent';
import { generateAgreementPdf } from '@accord/pdf-signing/generate-agreement-pdf';
import { createUser } from '@/test/factories';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';

// Run by bench/signing-latency.ts through bench/lib/live-bench-app.ts (tsx --conditions=react-server,
// DATABASE_URL set): a ceremony in SIGNING with SIGNERS signatories (parallel order, one
// field each on page 1 of one agreement, full powers approved), an organiser, a delegate
// and a press observer (pages released), the room open to all, and a session for each.
// Prints { ceremonyId, documentId, sessions: { organiser, delegate, observer, signatories[] }, fieldNames[], consent }.

const SIGNERS = Number(process.env.BENCH_P8_SIGNERS ?? 7);

async function sessionFor(userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
  return sessionToken;
}

const organiser = await createUser({ name: 'Katrin Weiß', globalRole: 'organiser' });
const start = new Date(Date.now() + 3_600_000);
const ceremony = await db.ceremony.create({
  data: {
    title: 'Bench: signature latency',
    state: 'LIVE',
    signingOrder: 'parallel',
    scheduledStart: start,
    scheduledEnd: new Date(start.getTime() + 3_600_000),
    timeZone: 'Europe/Berlin',
    placeName: 'Berlin and Seoul',
    roomName: `room-${randomUUID()}`,
    lobbyOpen: true,
    pagesReleasedAt: new Date(),
    createdById: organiser.id,
  },
});
const lni = await db.delegation.create({
  data: {
    ceremonyId: ceremony.id,
    name: 'Labs Network Industrie 4.0',
    country: 'Germany',
    capitalName: 'Berlin',
    capitalTimeZone: 'Europe/Berlin',
    position: 0,
  },
});
const kosmo = await db.delegation.create({
  data: {
    ceremonyId: ceremony.id,
    name: 'Korean Smart Manufacturing Office',
    country: 'Republic of Korea',
    capitalName: 'Seoul',
    capitalTimeZone: 'Asia/Seoul',
    position: 1,
  },
});
await db.participant.create({ data: { ceremonyId: ceremony.id, userId: organiser.id, delegationId: lni.id, role: 'organiser', displayName: 'Katrin Weiß' } });

const pdf = await generateAgreementPdf({
  language: 'en',
  parties: [
    { name: lni.name, shortName: 'LNI 4.0', country: 'Germany', signatoryName: 'Signatory 1', signatoryTitle: 'Signatory' },
    { name: kosmo.name, shortName: 'KOSMO', country: 'Republic of Korea', signatoryName: 'Signatory 2', signatoryTitle: 'Signatory' },
  ],
});
const original = revisionFileOf(pdf.bytes);
const document = await db.agreementDocument.create({
  data: {
    ceremonyId: ceremony.id,
    language: 'en',
    title: 'Joint Declaration (bench)',
    fileName: 'joint-declaration-bench.pdf',
    originalSha256: original.sha256,
    originalByteSize: pdf.bytes.length,
    pageCount: pdf.pageCount,
    uploadedById: organiser.id,
  },
});
await appendRevision(db, { documentId: document.id, after: null, kind: 'original', file: original });

const signatories: string[] = [];
const fieldNames: string[] = [];
for (let index = 0; index < SIGNERS; index += 1) {
  const delegation = index % 2 === 0 ? lni : kosmo;
  const user = await createUser({ name: `Signatory ${index + 1}` });
  const participant = await db.participant.create({
    data: {
      ceremonyId: ceremony.id,
      userId: user.id,
      delegationId: delegation.id,
      role: 'signatory',
      displayName: `Signatory ${index + 1}`,
      title: 'Signatory',
    },
  });
  await db.fullPowers.create({
    data: {
      participantId: participant.id,
      fileName: 'full-powers.pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
      sha256: '0'.repeat(64),
      uploadedById: organiser.id,
      status: 'approved',
      reviewedById: organiser.id,
      reviewedAt: new Date(),
    },
  });
  // Page 1, three to a row from the bottom margin up: every signature lands on the page the viewers show.
  await db.signatureField.create({
    data: {
      documentId: document.id,
      participantId: participant.id,
      kind: 'signature',
      fieldName: `signature-${index + 1}`,
      page: 1,
      x: 48 + (index % 3) * 172,
      y: 60 + Math.floor(index / 3) * 62,
      width: 160,
      height: 52,
      position: index,
    },
  });
  fieldNames.push(`signature-${index + 1}`);
  signatories.push(await sessionFor(user.id));
}
const delegateUser = await createUser({ name: 'Lukas Großmann' });
await db.participant.create({
  data: { ceremonyId: ceremony.id, userId: delegateUser.id, delegationId: lni.id, role: 'delegate', displayName: 'Lukas Großmann' },
});
const press = await createUser({ name: 'Emma Richter' });
await db.participant.create({ data: { ceremonyId: ceremony.id, userId: press.id, role: 'observer', displayName: 'Emma Richter' } });

await openSigning({ ceremonyId: ceremony.id, userId: organiser.id });

console.log(
  JSON.stringify({
    ceremonyId: ceremony.id,
    documentId: document.id,
    sessions: { organiser: await sessionFor(organiser.id), delegate: await sessionFor(delegateUser.id), observer: await sessionFor(press.id), signatories },
    fieldNames,
    consent: resolveSigningConsent(ceremony.signingConsent).en,
  }),
);
await db.$disconnect();
