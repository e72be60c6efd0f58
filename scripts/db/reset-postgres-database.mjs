// Empties (or creates) a PostgreSQL database for tests. Refuses names without "test" or "e2e".
import pg from 'pg';

const url = process.argv[2];
const name = decodeURIComponent(new URL(url).pathname.slice(1));
if (!/test|e2e/.test(name)) {
  console.error(`Refusing to reset database "${name}": test databases must have "test" or "e2e" in their name.`);
  process.exit(2);
}
const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
await admin.connect();
const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
await admin.end();
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
await client.end();
