import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * prisma/sqlite/schema.prisma is the source; the PostgreSQL schema is derived from it.
 * The generated client is bound to one provider, so each provider has its own schema,
 * migrations folder and client output.
 */
export const root = path.resolve(import.meta.dirname, '..', '..');
export const sqliteSchemaPath = path.join(root, 'prisma', 'sqlite', 'schema.prisma');
export const postgresSchemaPath = path.join(root, 'prisma', 'postgres', 'schema.prisma');

const derivedHeader =
  '// GENERATED from prisma/sqlite/schema.prisma by `npm run db:generate`. Do not edit:\n' +
  '// change the SQLite schema and regenerate. Only the provider, url and output differ.\n';

export function derivePostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output              = "../../generated/sqlite"', 'output              = "../../generated/postgres"')
    .replace('url      = "file:../../data/accord.db"', 'url      = "postgresql://accord@127.0.0.1:5432/accord"');
  for (const needle of ['"postgresql"', '../../generated/postgres', 'postgresql://accord@']) {
    if (!replaced.includes(needle)) throw new Error(`Could not derive the PostgreSQL schema: "${needle}" missing after replacement`);
  }
  return derivedHeader + replaced;
}

export function readSqliteSchema(): string {
  return readFileSync(sqliteSchemaPath, 'utf8');
}

export const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');

export const providers = [
  { name: 'sqlite', schemaPath: sqliteSchemaPath, migrationsDir: path.join(root, 'prisma', 'sqlite', 'migrations') },
  { name: 'postgresql', schemaPath: postgresSchemaPath, migrationsDir: path.join(root, 'prisma', 'postgres', 'migrations') },
] as const;

/** Copy of the schema as of the newest migration: `migrate diff` starts from it (no database needed). */
export const snapshotFileName = 'schema-at-last-migration.prisma';
