import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { prismaBin, root } from './schema-files.ts';

// `npm run db:migrate`: applies the migrations of the provider DATABASE_URL names
// (prisma.config.ts picks schema, migrations folder and driver adapter).
execFileSync(prismaBin, ['migrate', 'deploy'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(root, 'scripts/db/unref-timers.cjs')}`.trim(),
  },
});
