import 'dotenv/config';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { mkdirSync } from 'node:fs';

/**
 * One config for both providers: DATABASE_URL picks the schema, the migrations folder
 * and the driver adapter. The js schema engine + driver adapters keep every CLI command
 * offline (docs/decisions/0006-prisma-6-js-engine.md).
 */
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/accord.db';
const provider = databaseUrl.startsWith('file:') ? 'sqlite' : 'postgres';
process.env.DATABASE_URL = databaseUrl;
// better-sqlite3 cannot create the folder of a new database file.
if (provider === 'sqlite') mkdirSync(path.dirname(databaseUrl.slice('file:'.length)), { recursive: true });

function offlineDiffAdapter(adapterProvider: 'sqlite' | 'postgres') {
  // The schema engine asks only for the server version before diffing two files.
  const queryRaw = async ({ sql }: { sql: string }) =>
    sql.includes('server_version_num')
      ? { columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, 7, 0], rows: [[true, 'PostgreSQL 15.0', 150000]] }
      : { columnNames: [], columnTypes: [], rows: [] };
  const executeRaw = async () => 0;
  const refuse = async () => {
    throw new Error('ACCORD_SCHEMA_DIFF_ONLY: this command tried to use a database');
  };
  const connection = {
    provider: adapterProvider,
    adapterName: 'accord-offline-diff',
    queryRaw,
    executeRaw,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: async () => {},
  };
  return {
    provider: adapterProvider,
    adapterName: 'accord-offline-diff',
    connect: async () => connection,
    connectToShadowDb: async () => connection,
  } as never;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  async adapter() {
    // Authoring a migration diffs two schema files: no database is needed, so a stub
    // adapter that refuses every query stands in (scripts/db/new-migration.ts sets this).
    if (process.env.ACCORD_SCHEMA_DIFF_ONLY === '1') return offlineDiffAdapter(provider);
    if (provider === 'sqlite') {
      const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
      return new PrismaBetterSQLite3({ url: databaseUrl });
    }
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // allowExitOnIdle: pg's idle pool otherwise keeps the CLI alive ≈ 10 s after it is done.
    return new PrismaPg({ connectionString: databaseUrl, allowExitOnIdle: true }) as never;
  },
});
