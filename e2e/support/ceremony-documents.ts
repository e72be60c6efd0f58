import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * The agreement documents of a ceremony, read straight from the e2e app's database (the
 * same URL e2e/support/start-app.sh gives the app): ids to ask the document routes with.
 */
export async function readAgreementDocumentIds(ceremonyId: string): Promise<string[]> {
  const url = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
  const sql = 'SELECT id FROM "AgreementDocument" WHERE "ceremonyId" = $1 AND specimen = false ORDER BY "createdAt"';
  if (url.startsWith('file:')) {
    const database = new Database(path.resolve(url.slice('file:'.length)), { readonly: true, fileMustExist: true });
    try {
      return (database.prepare(sql.replace('$1', '?').replace('false', '0')).all(ceremonyId) as { id: string }[]).map((row) => row.id);
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(sql, [ceremonyId])).rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
