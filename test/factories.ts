import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

/**
 * Test data. Every factory makes unique rows (random emails and names), so tests share
 * one database without stepping on each other.
 */

const unique = () => randomUUID().slice(0, 8);

export async function createUser(overrides: { name?: string; email?: string; globalRole?: string; locale?: string | null } = {}) {
  const id = unique();
  return db.user.create({
    data: {
      name: overrides.name ?? `Test User ${id}`,
      email: overrides.email ?? `user-${id}@test.example`,
      globalRole: overrides.globalRole ?? 'member',
      locale: overrides.locale ?? null,
    },
  });
}

export interface CeremonyFixture {
  ceremonyId: string;
  organiser: { userId: string; participantId: string };
  delegations: { id: string; name: string; signatory: { userId: string; participantId: string } }[];
  observer: { userId: string; participantId: string };
}

/** A SCHEDULED ceremony with two delegations (Berlin, Seoul), a signatory each, an organiser and a press observer. */
export async function createCeremony(options: { state?: string; startsInHours?: number; title?: string } = {}): Promise<CeremonyFixture> {
  const organiser = await createUser({ globalRole: 'organiser' });
  const start = new Date(Date.now() + (options.startsInHours ?? 72) * 3_600_000);
  const ceremony = await db.ceremony.create({
    data: {
      title: options.title ?? `Ceremony ${unique()}`,
      state: options.state ?? 'SCHEDULED',
      scheduledStart: start,
      scheduledEnd: new Date(start.getTime() + 3_600_000),
      timeZone: 'Europe/Berlin',
      roomName: `room-${randomUUID()}`,
      createdById: organiser.id,
    },
  });
  const organiserParticipant = await db.participant.create({
    data: { ceremonyId: ceremony.id, userId: organiser.id, role: 'organiser', displayName: organiser.name ?? 'Organiser' },
  });
  const delegations = [];
  for (const [position, spec] of [
    { name: 'Labs Network Industrie 4.0', country: 'Germany', capitalName: 'Berlin', capitalTimeZone: 'Europe/Berlin', defaultLocale: 'de' },
    { name: 'Korean Smart Manufacturing Office', country: 'Republic of Korea', capitalName: 'Seoul', capitalTimeZone: 'Asia/Seoul', defaultLocale: 'ko' },
  ].entries()) {
    const delegation = await db.delegation.create({ data: { ...spec, ceremonyId: ceremony.id, position } });
    const signer = await createUser();
    const participant = await db.participant.create({
      data: { ceremonyId: ceremony.id, userId: signer.id, delegationId: delegation.id, role: 'signatory', displayName: signer.name ?? 'Signatory' },
    });
    delegations.push({ id: delegation.id, name: delegation.name, signatory: { userId: signer.id, participantId: participant.id } });
  }
  const press = await createUser();
  const observer = await db.participant.create({
    data: { ceremonyId: ceremony.id, userId: press.id, role: 'observer', displayName: press.name ?? 'Press' },
  });
  return {
    ceremonyId: ceremony.id,
    organiser: { userId: organiser.id, participantId: organiserParticipant.id },
    delegations,
    observer: { userId: press.id, participantId: observer.id },
  };
}
