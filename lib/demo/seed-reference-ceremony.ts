import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { db, transaction } from '@/lib/db';
import { appendRevision, revisionFileOf } from '@/lib/documents/append-revision';
import {
  referenceArchivist,
  referenceCeremony,
  referenceCeremonyId,
  referenceDelegations,
  referencePress,
  referenceStart,
  type DemoPerson,
} from '@/lib/demo/reference-scenario';
import { generateAgreementPdf } from '@accord/pdf-signing/generate-agreement-pdf';
import { generateFullPowersLetter } from '@accord/pdf-signing/generate-full-powers-letter';
import { sha256Hex } from '@/lib/crypto/sha256';

const agreementLanguages = ['en', 'de', 'ko'] as const;
const languageLabels = { en: 'English', de: 'Deutsch', ko: '한국어' } as const;

export interface SeedResult {
  created: boolean;
  ceremonyId: string;
  users: { name: string; email: string; role: string }[];
}

/**
 * Creates the LNI 4.0 × KOSMO ceremony (SCHEDULED, alternat): the agreement in English,
 * German and Korean, each authentic, one original per party of each, both signatories'
 * fields placed on every original. Running it again changes nothing.
 */
export async function seedReferenceCeremony({
  now = new Date(),
  ceremonyId = referenceCeremonyId,
  title = referenceCeremony.title,
  includePress = true,
}: {
  now?: Date;
  /** Another id (and title) seeds a second copy of the scenario, e.g. one that e2e drives to CONCLUDED. */
  ceremonyId?: string;
  title?: string;
  includePress?: boolean;
} = {}): Promise<SeedResult> {
  const everyone: (DemoPerson | typeof referenceArchivist)[] = [...referenceDelegations.flatMap((d) => d.members), referencePress, referenceArchivist];
  const users = everyone.map((person) => ({ name: person.name, email: person.email, role: 'role' in person ? person.role : person.globalRole }));
  if (await db.ceremony.findUnique({ where: { id: ceremonyId }, select: { id: true } })) {
    return { created: false, ceremonyId, users };
  }

  const partiesInOrder = referenceDelegations.map((delegation) => {
    const signatory = delegation.members.find((member) => member.role === 'signatory')!;
    return {
      name: delegation.name,
      shortName: delegation.shortName,
      country: delegation.country,
      signatoryName: signatory.name,
      signatoryTitle: signatory.title,
    };
  });
  // Three authentic language versions; alternat: one original per party of each, naming that party first.
  const originals = await Promise.all(
    agreementLanguages.flatMap((language) =>
      referenceDelegations.map(async (_delegation, index) => {
        const order = index === 0 ? partiesInOrder : [...partiesInOrder].reverse();
        const pdf = await generateAgreementPdf({ language, parties: order });
        return { language, forIndex: index, order, pdf, file: revisionFileOf(pdf.bytes) };
      }),
    ),
  );

  const start = referenceStart(now);
  const letters = await Promise.all(
    referenceDelegations.map(async (delegation) => {
      const signatory = delegation.members.find((member) => member.role === 'signatory')!;
      const bytes = await generateFullPowersLetter({
        issuer: delegation.name,
        signatoryName: signatory.name,
        signatoryTitle: signatory.title,
        agreementTitle: referenceCeremony.title,
        place: delegation.capitalName,
        date: now.toISOString().slice(0, 10),
      });
      return { bytes, sha256: sha256Hex(bytes) };
    }),
  );
  await transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const person of everyone) {
      const existing = await tx.user.findUnique({ where: { email: person.email }, select: { id: true } });
      const user =
        existing ??
        (await tx.user.create({
          data: {
            name: person.name,
            email: person.email,
            title: person.title,
            locale: person.locale,
            globalRole: 'globalRole' in person ? person.globalRole : person.role === 'organiser' ? 'organiser' : 'member',
          },
          select: { id: true },
        }));
      userIds.set(person.email, user.id);
    }
    const organiserId = userIds.get(referenceDelegations[0]!.members[0]!.email)!;
    await tx.ceremony.create({
      data: {
        id: ceremonyId,
        ...referenceCeremony,
        title,
        state: 'SCHEDULED',
        scheduledStart: start,
        scheduledEnd: new Date(start.getTime() + 90 * 60_000),
        rehearsalStart: new Date(start.getTime() - 24 * 3_600_000),
        roomName: `ceremony-${randomUUID()}`,
        createdById: organiserId,
      },
    });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: organiserId, kind: 'ceremony.created', payload: { title, seeded: true }, at: now });

    const signatoryParticipantIds: string[] = [];
    const organiserUserIds: string[] = [];
    const delegationIds: string[] = [];
    for (const [position, delegation] of referenceDelegations.entries()) {
      const row = await tx.delegation.create({
        data: {
          ceremonyId,
          name: delegation.name,
          country: delegation.country,
          capitalName: delegation.capitalName,
          capitalTimeZone: delegation.capitalTimeZone,
          defaultLocale: delegation.defaultLocale,
          position,
        },
      });
      delegationIds.push(row.id);
      for (const member of delegation.members) {
        const participant = await tx.participant.create({
          data: { ceremonyId, userId: userIds.get(member.email)!, delegationId: row.id, role: member.role, displayName: member.name, title: member.title },
        });
        if (member.role === 'signatory') signatoryParticipantIds.push(participant.id);
        if (member.role === 'organiser') organiserUserIds.push(userIds.get(member.email)!);
      }
    }
    // Full powers: each signatory's letter, examined and approved by the other party's protocol officer.
    for (const [index, letter] of letters.entries()) {
      const reviewerId = organiserUserIds[(index + 1) % organiserUserIds.length]!;
      const record = await tx.fullPowers.create({
        data: {
          participantId: signatoryParticipantIds[index]!,
          fileName: `full-powers-${referenceDelegations[index]!.key}.pdf`,
          bytes: new Uint8Array(letter.bytes),
          sha256: letter.sha256,
          uploadedById: organiserUserIds[index]!,
          status: 'approved',
          reviewedById: reviewerId,
          reviewedAt: now,
        },
      });
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: reviewerId,
        kind: 'full-powers.approved',
        payload: { fullPowersId: record.id, sha256: letter.sha256, seeded: true },
        at: now,
      });
    }
    if (includePress) {
      await tx.participant.create({
        data: { ceremonyId, userId: userIds.get(referencePress.email)!, role: 'observer', displayName: referencePress.name, title: referencePress.title },
      });
    }

    for (const original of originals) {
      const owner = referenceDelegations[original.forIndex]!;
      const document = await tx.agreementDocument.create({
        data: {
          ceremonyId,
          language: original.language,
          authentic: true,
          title: `${referenceCeremony.title} — ${languageLabels[original.language]} (${owner.shortName} original)`,
          fileName: `joint-declaration-${original.language}-${owner.key}-original.pdf`,
          originalForDelegationId: delegationIds[original.forIndex],
          originalSha256: original.file.sha256,
          originalByteSize: original.pdf.bytes.length,
          pageCount: original.pdf.pageCount,
          uploadedById: organiserId,
        },
      });
      await appendRevision(tx, { documentId: document.id, after: null, kind: 'original', file: original.file, createdById: organiserId });
      for (const area of original.pdf.signatureAreas.filter((candidate) => candidate.role === 'signatory')) {
        const partyName = original.order[area.partyIndex]!.name;
        const delegationIndex = referenceDelegations.findIndex((delegation) => delegation.name === partyName);
        await tx.signatureField.create({
          data: {
            documentId: document.id,
            participantId: signatoryParticipantIds[delegationIndex],
            kind: 'signature',
            fieldName: `signature-${referenceDelegations[delegationIndex]!.key}`,
            page: area.page,
            x: area.rect.x,
            y: area.rect.y,
            width: area.rect.width,
            height: area.rect.height,
            position: delegationIndex,
          },
        });
      }
      await appendAuditEvent(tx, {
        ceremonyId,
        actorUserId: organiserId,
        kind: 'document.uploaded',
        payload: { documentId: document.id, sha256: original.file.sha256, language: original.language, originalFor: owner.shortName },
        at: now,
      });
    }
    await appendAuditEvent(tx, { ceremonyId, actorUserId: organiserId, kind: 'ceremony.scheduled', payload: { start: start.toISOString() }, at: now });
  });
  return { created: true, ceremonyId, users };
}
