import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Integration tests run against a throwaway database of the provider DATABASE_URL names
 * (vitest.config.ts defaults it to a SQLite file). It is emptied and migrated once per run
 * with the real migrations, so the tests also prove that the migrations work.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL ?? '';
  const root = path.resolve(import.meta.dirname, '..');
  if (url.startsWith('file:')) {
    const file = path.resolve(root, url.slice('file:'.length));
    if (!/test/.test(path.basename(file))) throw new Error(`Refusing to reset ${file}: integration databases must have "test" in their name`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  } else {
    if (!/test/.test(new URL(url).pathname)) throw new Error('Refusing to reset a PostgreSQL database whose name lacks "test"');
    const databaseName = decodeURIComponent(new URL(url).pathname.slice(1));
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${databaseName.replace(/"/g, '')}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
  }
  execFileSync('npx', ['tsx', path.join(root, 'scripts/db/migrate.ts')], { cwd: root, stdio: 'pipe', env: process.env });
}
