import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { derivePostgresSchema, postgresSchemaPath, prismaBin, readSqliteSchema, root, sqliteSchemaPath } from './schema-files.ts';

// Writes the derived PostgreSQL schema, then generates both clients (generated/sqlite,
// generated/postgres). Runs on postinstall, so a fresh clone is ready after `npm install`.
writeFileSync(postgresSchemaPath, derivePostgresSchema(readSqliteSchema()));
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync(prismaBin, ['generate', '--no-hints', '--schema', schema], { cwd: root, stdio: 'inherit' });
}
