import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient as PostgresPrismaClient } from '@/generated/postgres/client.ts';
import { Prisma, PrismaClient as SqlitePrismaClient } from '@/generated/sqlite/client.ts';
import { env } from '@/lib/env';

/**
 * The Prisma client for the database DATABASE_URL names. Each provider has its own
 * generated client (a client is bound to one provider); both come from the same model,
 * so the SQLite client's types describe either.
 *
 * SQLite trap (docs/decisions/0004-sqlite-write-queue.md): the better-sqlite3 adapter has one connection, so a query
 * issued while another request's interactive transaction is open runs *inside* it and is
 * lost if that transaction rolls back. On SQLite every top-level query and every
 * transaction therefore goes through one queue; code inside `transaction()` bypasses it.
 */

/** The better-sqlite3 connection Prisma's adapter opened; readBlobs() reads through it. */
interface SqliteConnectionHolder {
  connection?: BetterSqlite3.Database;
}

/** The SQLite adapter factory, keeping hold of the connection each `connect()` opens. */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  readonly #holder: SqliteConnectionHolder;

  constructor(url: string, holder: SqliteConnectionHolder) {
    // SQLite's busy timeout: how long a write waits for another process's write lock (a
    // script or cron run beside the app) before failing. better-sqlite3's default is 5 s.
    super({ url, timeout: 30_000 });
    this.#holder = holder;
  }

  override async connect() {
    const adapter = await super.connect();
    // Not public API: adapter 6.19.3 keeps its Database in `client`. Checked, so that an
    // upgrade which moves it fails on the first query instead of reading elsewhere.
    const client = (adapter as unknown as { client?: Partial<BetterSqlite3.Database> }).client;
    if (typeof client?.prepare !== 'function' || client.open !== true) {
      throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`; update readBlobs() in lib/db.ts');
    }
    this.#holder.connection = client as BetterSqlite3.Database;
    return adapter;
  }
}

function createBaseClient(holder: SqliteConnectionHolder): SqlitePrismaClient {
  if (env.databaseProvider === 'sqlite') {
    return new SqlitePrismaClient({ adapter: new SqliteAdapterFactory(env.DATABASE_URL, holder) });
  }
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
  // Same model, same API; only the generated provider differs.
  return client as unknown as SqlitePrismaClient;
}

/**
 * Everything the one-connection rule depends on, once per process. A production build
 * bundles this module into several server chunks (pages, route handlers, actions), and
 * each chunk may evaluate it anew: with module-level state every copy would open its own
 * SQLite connection and keep its own queue, so two requests could write through two
 * connections at once, and better-sqlite3 waits for a lock synchronously, stalling the
 * whole process until its busy timeout. So the client, the connection, the queue and the
 * "inside a transaction" marker live on globalThis, in every environment.
 */
interface DbRuntime {
  db: SqlitePrismaClient;
  sqlite: SqliteConnectionHolder;
  insideTransaction: AsyncLocalStorage<true>;
  queue: { tail: Promise<unknown> };
}

function serialisedOn(runtime: Pick<DbRuntime, 'queue'>) {
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = runtime.queue.tail.then(work, work);
    runtime.queue.tail = run.catch(() => undefined);
    return run;
  };
}

function createRuntime(): DbRuntime {
  const sqlite: SqliteConnectionHolder = {};
  const insideTransaction = new AsyncLocalStorage<true>();
  const queue = { tail: Promise.resolve() as Promise<unknown> };
  const base = createBaseClient(sqlite);
  const inQueue = serialisedOn({ queue });
  const client =
    env.databaseProvider !== 'sqlite'
      ? base
      : (base.$extends({
          query: {
            $allOperations({ args, query }) {
              return insideTransaction.getStore() ? query(args) : inQueue(() => query(args));
            },
          },
        }) as unknown as SqlitePrismaClient);
  return { db: client, sqlite, insideTransaction, queue };
}

const globalForDb = globalThis as unknown as { accordDbRuntime?: DbRuntime };
const runtime: DbRuntime = (globalForDb.accordDbRuntime ??= createRuntime());
const { sqlite, insideTransaction } = runtime;
const serialised = serialisedOn(runtime);
export const db: SqlitePrismaClient = runtime.db;

export type Db = SqlitePrismaClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

/**
 * The one way to write. Use-cases put their change and its audit event in one of these.
 * Long enough for signing a 30 MB file; SQLite runs them one at a time.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = () => insideTransaction.run(true, () => db.$transaction((tx) => work(tx), { maxWait: 30_000, timeout: 120_000 }));
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

/** The Bytes columns that hold whole files (up to tens of MB). */
export type BlobColumn = 'DocumentRevision.appendedBytes' | 'Artefact.bytes' | 'FullPowers.bytes';

/**
 * The bytes in `column` of the rows with these ids, in the order of `ids`; throws if a row
 * is missing. Read large Bytes columns with this, and leave them out of Prisma selects.
 *
 * Why: on SQLite, Prisma's better-sqlite3 adapter turns every BLOB into a JS array of
 * numbers before the client makes it a Uint8Array again: 30 MB cost ≈ 1.5 s of blocking
 * CPU, against ≈ 20 ms for better-sqlite3 returning a Buffer. So on SQLite one plain
 * statement runs on the adapter's own connection, in the queue slot (or inside the
 * transaction) where a Prisma query would run: it sees exactly what Prisma would see,
 * committed data or the open transaction's own writes, never another request's
 * uncommitted ones. PostgreSQL reads through Prisma: adapter-pg returns the driver's
 * Buffer, and its cost (≈ 0.4 s for 30 MB) is the server's hex encoding, the same with
 * pg alone.
 */
export async function readBlobs(client: Db | Tx, column: BlobColumn, ids: readonly string[]): Promise<Uint8Array[]> {
  if (ids.length === 0) return [];
  const rows = env.databaseProvider === 'sqlite' ? await readSqliteBlobs(column, ids) : await readBlobsWithPrisma(client, column, ids);
  const byId = new Map(rows);
  return ids.map((id) => {
    const bytes = byId.get(id);
    if (!bytes) throw new Error(`${column}: no row with id ${id}`);
    return bytes;
  });
}

/** readBlobs() for one row. */
export async function readBlob(client: Db | Tx, column: BlobColumn, id: string): Promise<Uint8Array> {
  const [bytes] = await readBlobs(client, column, [id]);
  return bytes!;
}

function readSqliteBlobs(column: BlobColumn, ids: readonly string[]): Promise<[string, Uint8Array][]> {
  const [table, field] = column.split('.') as [string, string];
  // One statement, so all rows come from one snapshot. Names come from BlobColumn only.
  const sql = `SELECT "id", "${field}" FROM "${table}" WHERE "id" IN (${ids.map(() => '?').join(', ')})`;
  const read = async () => {
    if (!sqlite.connection?.open) await db.$connect();
    const connection = sqlite.connection;
    if (!connection?.open) throw new Error('The SQLite connection is not open');
    return connection
      .prepare<unknown[], [string, Buffer]>(sql)
      .raw()
      .all(...ids);
  };
  return insideTransaction.getStore() ? read() : serialised(read);
}

async function readBlobsWithPrisma(client: Db | Tx, column: BlobColumn, ids: readonly string[]): Promise<[string, Uint8Array][]> {
  const where = { id: { in: [...ids] } };
  switch (column) {
    case 'DocumentRevision.appendedBytes':
      return (await client.documentRevision.findMany({ where, select: { id: true, appendedBytes: true } })).map((row) => [row.id, row.appendedBytes]);
    case 'Artefact.bytes':
      return (await client.artefact.findMany({ where, select: { id: true, bytes: true } })).map((row) => [row.id, row.bytes]);
    case 'FullPowers.bytes':
      return (await client.fullPowers.findMany({ where, select: { id: true, bytes: true } })).map((row) => [row.id, row.bytes]);
  }
}
