import { seedReferenceCeremony } from '@/lib/demo/seed-reference-ceremony';
import { createDevelopmentSignInLink } from '@/lib/users/create-development-sign-in-link';
import { env } from '@/lib/env';
import { alignColumns } from '@/scripts/lib/display-width';

// `npm run db:seed`: the LNI 4.0 × KOSMO reference ceremony; then, in development, a
// one-time sign-in link per demo user (pass --no-links to skip them).
const result = await seedReferenceCeremony();
console.log(result.created ? `Seeded the reference ceremony (${result.ceremonyId}).` : 'The reference ceremony already exists: nothing changed.');
if (env.ACCORD_DEV_TOOLS && !process.argv.includes('--no-links')) {
  console.log('\nSign-in links (one-time, valid 24 hours):');
  const rows: string[][] = [];
  for (const user of result.users) rows.push([user.name, user.role, await createDevelopmentSignInLink({ email: user.email })]);
  // Aligned by terminal columns: the Korean delegation's names take two columns a syllable.
  for (const line of alignColumns(rows)) console.log(`  ${line}`);
}
