/**
 * E2E setup for the archive (e2e/archive): seeds a second copy of the LNI 4.0 × KOSMO
 * ceremony in the e2e app's database and drives it to CONCLUDED through the real
 * use-cases (lib/demo/conclude-reference-ceremony.ts). A copy, not the seeded ceremony
 * itself: the other e2e specs need that one SCHEDULED.
 *
 *   npx tsx --conditions=react-server scripts/e2e/conclude-reference-ceremony.ts
 *
 * Database: E2E_DATABASE_URL, else file:./data/e2e.db (as e2e/support/start-app.sh).
 * Prints one JSON line last: { ceremonyId, title }. Running it again changes nothing.
 */
export {};

const archiveCeremonyId = 'ceremony-lni40-kosmo-concluded';
const archiveCeremonyTitle = 'LNI 4.0 × KOSMO Joint Declaration (concluded rehearsal)';

// The database must be chosen before any app module reads the environment.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
// Room notifications go nowhere: nobody is in this copy's room.
process.env.LIVEKIT_URL = 'ws://127.0.0.1:1';

const { db } = await import('@/lib/db');
const { seedReferenceCeremony } = await import('@/lib/demo/seed-reference-ceremony');
const { concludeReferenceCeremony } = await import('@/lib/demo/conclude-reference-ceremony');

const existing = await db.ceremony.findUnique({ where: { id: archiveCeremonyId }, select: { state: true } });
if (existing?.state !== 'CONCLUDED') {
  await seedReferenceCeremony({ ceremonyId: archiveCeremonyId, title: archiveCeremonyTitle, includePress: false });
  await concludeReferenceCeremony({ ceremonyId: archiveCeremonyId, userAgent: 'accord e2e setup', onProgress: (message) => console.error(message) });
}
await db.$disconnect();
console.log(JSON.stringify({ ceremonyId: archiveCeremonyId, title: archiveCeremonyTitle }));
