import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { derivePostgresSchema, postgresSchemaPath, prismaBin, providers, readSqliteSchema, root, snapshotFileName } from './schema-files.ts';

/**
 * CI's drift check. Fails when
 *  - prisma/postgres/schema.prisma is not exactly derived from the SQLite schema, or
 *  - a schema changed without a migration (`npm run db:migration -- <name>`), or
 *  - the migrations of a provider do not reproduce its schema.
 */
const problems: string[] = [];

if (readFileSync(postgresSchemaPath, 'utf8') !== derivePostgresSchema(readSqliteSchema())) {
  problems.push('prisma/postgres/schema.prisma differs from the one derived from prisma/sqlite/schema.prisma: run `npm run db:generate`.');
}

for (const provider of providers) {
  const snapshot = path.join(provider.migrationsDir, snapshotFileName);
  if (!existsSync(snapshot)) {
    problems.push(`${provider.name}: no migrations yet: run \`npm run db:migration -- <name>\`.`);
    continue;
  }
  const sql = execFileSync(prismaBin, ['migrate', 'diff', '--from-schema-datamodel', snapshot, '--to-schema-datamodel', provider.schemaPath, '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ACCORD_SCHEMA_DIFF_ONLY: '1',
      DATABASE_URL: provider.name === 'sqlite' ? 'file:./data/schema-diff.db' : 'postgresql://offline@127.0.0.1:1/schema-diff',
    },
  });
  if (/^\s*(CREATE|ALTER|DROP)/im.test(sql)) {
    problems.push(`${provider.name}: the schema has changes no migration holds: run \`npm run db:migration -- <name>\`.\n${sql}`);
  }
}

if (problems.length > 0) {
  console.error(`Schema drift:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Schemas and migrations agree for sqlite and postgresql.');
