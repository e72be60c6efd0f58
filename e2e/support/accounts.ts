import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface LinkedAccount {
  provider: string;
  providerAccountId: string;
  userEmail: string;
}

/**
 * The identity-provider accounts linked to users with these addresses, read straight from
 * the e2e app's database (the URL e2e/support/start-app.sh gives the app).
 */
export async function readLinkedAccounts(emails: string[]): Promise<LinkedAccount[]> {
  const url = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
  const placeholders = emails.map((_, index) => `$${index + 1}`).join(', ');
  const sql = `SELECT a.provider AS provider, a."providerAccountId" AS "providerAccountId", u.email AS "userEmail" FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email IN (${placeholders}) ORDER BY u.email`;
  if (url.startsWith('file:')) {
    const database = new Database(path.resolve(url.slice('file:'.length)), { readonly: true, fileMustExist: true });
    try {
      return database.prepare(sql.replace(/\$\d+/g, '?')).all(...emails) as LinkedAccount[];
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<LinkedAccount>(sql, emails)).rows;
  } finally {
    await client.end();
  }
}

/** How many users have this address (an unverified sign-in must not create or take one). */
export async function countUsers(email: string): Promise<number> {
  const url = process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db';
  if (url.startsWith('file:')) {
    const database = new Database(path.resolve(url.slice('file:'.length)), { readonly: true, fileMustExist: true });
    try {
      return (database.prepare('SELECT COUNT(*) AS n FROM "User" WHERE email = ?').get(email) as { n: number }).n;
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "User" WHERE email = $1', [email])).rows[0]!.n);
  } finally {
    await client.end();
  }
}
