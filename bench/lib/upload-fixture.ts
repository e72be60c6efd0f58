import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { createCeremony } from '@/test/factories';

// Run by bench/hostile-upload.ts (tsx --conditions=react-server, DATABASE_URL set): a DRAFT
// ceremony (its agreement may still be uploaded) and its signed-in organiser, as JSON.
const ceremony = await createCeremony({ state: 'DRAFT', title: 'Upload bench ceremony' });
const sessionToken = randomBytes(32).toString('hex');
await db.session.create({ data: { sessionToken, userId: ceremony.organiser.userId, expires: new Date(Date.now() + 3_600_000) } });
console.log(JSON.stringify({ ceremonyId: ceremony.ceremonyId, sessionToken }));
await db.$disconnect();
