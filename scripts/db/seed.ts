import { seedReferenceCeremony } from '@/lib/demo/seed-reference-ceremony';
import { createDevelopmentSignInLink } from '@/lib/users/create-development-sign-in-link';
import { env } from '@/lib/env';

// `npm run db:seed`: the LNI 4.0 × KOSMO reference ceremony; then, in development, a
// one-time sign-in link per demo user (pass --no-links to skip them).
const result = await seedReferenceCeremony();
console.log(result.created ? `Seeded the reference ceremony (${result.ceremonyId}).` : 'The reference ceremony already exists: nothing changed.');
if (env.ACCORD_DEV_TOOLS && !process.argv.includes('--no-links')) {
  console.log('\nSign-in links (one-time, valid 24 hours):');
  for (const user of result.users) {
    console.log(`  ${user.name.padEnd(24)} ${user.role.padEnd(10)} ${await createDevelopmentSignInLink({ email: user.email })}`);
  }
}
