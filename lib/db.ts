import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresPrismaClient } from '@/generated/postgres/client.ts';
import { Prisma, PrismaClient as SqlitePrismaClient } from '@/generated/sqlite/client.ts';
import { env } from '@/lib/env';

/**
 * The Prisma client for the database DATABASE_URL names. Each provider has its own
 * generated client (a client is bound to one provider); both come from the same model,
 * so the SQLite client's types describe either.
 *
 * SQLite trap (RECIPES.md): the better-sqlite3 adapter has one connection, so a query
 * issued while another request's interactive transaction is open runs *inside* it and is
 * lost if that transaction rolls back. On SQLite every top-level query and every
 * transaction therefore goes through one queue; code inside `transaction()` bypasses it.
 */

function createBaseClient(): SqlitePrismaClient {
  if (env.databaseProvider === 'sqlite') {
    return new SqlitePrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
  }
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
  // Same model, same API; only the generated provider differs.
  return client as unknown as SqlitePrismaClient;
}

const insideTransaction = new AsyncLocalStorage<true>();
let sqliteQueue: Promise<unknown> = Promise.resolve();

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = sqliteQueue.then(work, work);
  sqliteQueue = run.catch(() => undefined);
  return run;
}

function createClient() {
  const base = createBaseClient();
  if (env.databaseProvider !== 'sqlite') return base;
  return base.$extends({
    query: {
      $allOperations({ args, query }) {
        return insideTransaction.getStore() ? query(args) : serialised(() => query(args));
      },
    },
  }) as unknown as SqlitePrismaClient;
}

const globalForDb = globalThis as unknown as { accordDb?: SqlitePrismaClient };
export const db: SqlitePrismaClient = globalForDb.accordDb ?? createClient();
if (env.NODE_ENV !== 'production') globalForDb.accordDb = db;

export type Db = SqlitePrismaClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

/**
 * The one way to write. Use-cases put their change and its audit event in one of these.
 * Long enough for signing a 30 MB file; SQLite runs them one at a time.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = () =>
    insideTransaction.run(true, () => db.$transaction((tx) => work(tx), { maxWait: 30_000, timeout: 120_000 }));
  return env.databaseProvider === 'sqlite' ? serialised(run) : run();
}

/**
 * Serialises writers of one resource (an audit chain, a document's revisions) across
 * concurrent transactions. SQLite transactions are already serial; PostgreSQL takes a
 * transaction-scoped advisory lock, released at commit or rollback.
 */
export async function lockForUpdate(tx: Tx, resource: string): Promise<void> {
  if (env.databaseProvider === 'sqlite') return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${resource}))`;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
