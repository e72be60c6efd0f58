import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prismaBin, providers, root, snapshotFileName } from './schema-files.ts';

/**
 * `npm run db:migration -- <name>`: writes the next migration for both providers from the
 * schema, with no database (`prisma migrate dev` does not work with the js engine).
 */
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)');
  process.exit(2);
}
execFileSync('npx', ['tsx', path.join(root, 'scripts/db/generate.ts')], { cwd: root, stdio: 'inherit' });

const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
for (const provider of providers) {
  mkdirSync(provider.migrationsDir, { recursive: true });
  const snapshot = path.join(provider.migrationsDir, snapshotFileName);
  const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = execFileSync(prismaBin, ['migrate', 'diff', ...from, '--to-schema-datamodel', provider.schemaPath, '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ACCORD_SCHEMA_DIFF_ONLY: '1',
      DATABASE_URL: provider.name === 'sqlite' ? 'file:./data/schema-diff.db' : 'postgresql://offline@127.0.0.1:1/schema-diff',
    },
  });
  // An empty folder makes `migrate deploy` fail (P3015): only write real SQL.
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA|DELETE)/im.test(sql)) {
    console.log(`${provider.name}: schema unchanged, no migration written`);
    continue;
  }
  const folder = path.join(provider.migrationsDir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  writeFileSync(path.join(provider.migrationsDir, 'migration_lock.toml'), `provider = "${provider.name}"\n`);
  copyFileSync(provider.schemaPath, snapshot);
  console.log(`${provider.name}: wrote ${path.relative(root, folder)}/migration.sql`);
}
