/**
 * E2E data: a copy of the reference ceremony (same people, SCHEDULED) under its own id,
 * so that a spec can take it live, remove people or conclude it without touching the
 * ceremony other specs use.
 *
 *   npx tsx --conditions=react-server scripts/e2e/seed-ceremony-copy.ts <id> <title>
 *
 * Database: E2E_DATABASE_URL, else file:./data/e2e.db (as e2e/support/start-app.sh).
 * Running it again changes nothing.
 */
export {};

const [ceremonyId, title] = process.argv.slice(2);
if (!ceremonyId || !title) {
  console.error('Usage: seed-ceremony-copy.ts <id> <title>');
  process.exit(2);
}
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
const { db } = await import('@/lib/db');
const { seedReferenceCeremony } = await import('@/lib/demo/seed-reference-ceremony');
await seedReferenceCeremony({ ceremonyId, title });
await db.$disconnect();
console.log(JSON.stringify({ ceremonyId, title }));
