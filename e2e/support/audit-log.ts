import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Reads a ceremony's audit log straight from the e2e app's database (the same URL
 * e2e/support/start-app.sh gives the app), for asserting what webhooks recorded.
 */
export async function readAuditEvents(ceremonyId: string): Promise<{ kind: string; payload: Record<string, unknown> }[]> {
  const url = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
  const sql = 'SELECT kind, payload FROM "AuditEvent" WHERE "ceremonyId" = $1 ORDER BY seq';
  let rows: { kind: string; payload: string }[];
  if (url.startsWith('file:')) {
    const database = new Database(path.resolve(url.slice('file:'.length)), { readonly: true, fileMustExist: true });
    try {
      rows = database.prepare(sql.replace('$1', '?')).all(ceremonyId) as { kind: string; payload: string }[];
    } finally {
      database.close();
    }
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      rows = (await client.query<{ kind: string; payload: string }>(sql, [ceremonyId])).rows;
    } finally {
      await client.end();
    }
  }
  return rows.map((row) => ({ kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}
