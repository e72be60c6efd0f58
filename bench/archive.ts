/**
 * Budget P5 (docs/architecture.md, "Performance budgets"): downloading a 30 MB artefact through the real route, with
 * authentication and authorisation, costs ≤ 1.5 × (reading the same bytes from the
 * database + SHA-256 over them), both measured in the same run.
 *
 * The route runs in the built app (`next start`) on a throwaway SQLite database; the file
 * is a 30 MB sealed original stored as the app stores it (revision 0 plus appended
 * updates), downloaded by a signed-in archivist. The reference reads the same revisions
 * with the app's own reader in this process and hashes them.
 *   npx tsx --conditions=react-server bench/archive.ts   (BENCH_SKIP_BUILD=1: insist on the existing build)
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { benchProductionEnv } from './lib/bench-env';
import { median, printBudget } from './lib/budget';
import { sha256Hex, sha256HexOfPrefixes } from '@/lib/crypto/sha256';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_ARCHIVE_PORT ?? 3310);
const baseUrl = `http://127.0.0.1:${port}`;
const databaseFile = path.join(root, 'data/bench-archive.db');
const SIZE = 30 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const appEnv = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URL: `file:${databaseFile}`,
  APP_URL: baseUrl,
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
  AUTH_TRUST_HOST: 'true',
  CRON_SECRET: 'bench-cron-secret',
  ACCORD_BENCH: 'true',
  RATE_LIMIT_PER_MINUTE: '1000000',
  LIVEKIT_URL: 'ws://127.0.0.1:1',
  LOG_LEVEL: 'warn',
  ...benchProductionEnv,
};

for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databaseFile}${suffix}`, { force: true });
execFileSync('npx', ['tsx', 'scripts/db/migrate.ts'], { cwd: root, stdio: 'pipe', env: appEnv });
// The app modules read DATABASE_URL once, on first use: set it before importing them.
process.env.DATABASE_URL = appEnv.DATABASE_URL;
const { db } = await import('@/lib/db');
const { readRevisionBytes } = await import('@/lib/documents/read-revision-bytes');
const { appendRevision } = await import('@/lib/documents/append-revision');
const { createCeremony, createUser } = await import('@/test/factories');

async function createFixture() {
  const ceremony = await createCeremony({ state: 'CONCLUDED', title: 'Bench archive ceremony' });
  await db.ceremony.update({ where: { id: ceremony.ceremonyId }, data: { concludedAt: new Date() } });
  const archivist = await createUser({ globalRole: 'archivist' });
  const parts = [Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 3 * 8192 - 9)]), randomBytes(8192), randomBytes(8192), randomBytes(8192)];
  const ends = parts.map((_, number) => parts.slice(0, number + 1).reduce((sum, part) => sum + part.length, 0));
  const prefixes = sha256HexOfPrefixes(Buffer.concat(parts), ends);
  const revisions = parts.map((bytes, number) => ({
    number,
    bytes,
    byteLength: ends[number]!,
    sha256: prefixes.get(ends[number]!)!,
  }));
  const document = await db.agreementDocument.create({
    data: {
      ceremonyId: ceremony.ceremonyId,
      language: 'en',
      title: 'Bench agreement (30 MB)',
      fileName: 'bench-agreement.pdf',
      originalSha256: revisions[0]!.sha256,
      originalByteSize: parts[0]!.length,
      pageCount: 300,
      uploadedById: ceremony.organiser.userId,
    },
  });
  const kinds = ['original', 'prepared', 'signed', 'sealed'] as const;
  let after: { number: number; sha256: string } | null = null;
  for (const revision of revisions) {
    const file = { appendedBytes: new Uint8Array(revision.bytes), byteLength: revision.byteLength, sha256: revision.sha256 };
    after = await appendRevision(db, { documentId: document.id, after, kind: kinds[revision.number]!, file });
  }
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: archivist.id, expires: new Date(Date.now() + 3_600_000) } });
  return { ceremonyId: ceremony.ceremonyId, documentId: document.id, sessionToken, sha256: revisions.at(-1)!.sha256 };
}

async function waitForHealth(seconds: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the app exited before answering');
    try {
      if ((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer within ${seconds}s`);
}

const fixture = await createFixture();
if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
  if (process.env.BENCH_SKIP_BUILD === '1') throw new Error('No build in .next and BENCH_SKIP_BUILD=1');
  execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: appEnv });
}
const app = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
  cwd: root,
  env: appEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
let exited = false;
app.once('exit', () => {
  exited = true;
});

try {
  await waitForHealth(90, () => exited);
  const url = `${baseUrl}/api/archive/${fixture.ceremonyId}/download/document?document=${fixture.documentId}`;
  const headers = { cookie: `authjs.session-token=${fixture.sessionToken}` };

  // A new connection for each download: a pooled keep-alive socket, closed by the server
  // while this process was busy with the reference, fails the next request ("other side closed").
  const downloadMs = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      get(url, { headers, agent: false }, (response) => {
        let received = 0;
        const errorBody: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (response.statusCode !== 200) errorBody.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const elapsed = performance.now() - started;
          if (response.statusCode !== 200) reject(new Error(`the download answered ${response.statusCode}: ${Buffer.concat(errorBody).toString()}`));
          else if (received !== SIZE) reject(new Error(`received ${received} bytes, expected ${SIZE}`));
          else resolve(elapsed);
        });
      }).on('error', reject);
    });
  const readOnly: number[] = [];
  const hashOnly: number[] = [];
  const readAndHashMs = async (): Promise<number> => {
    const started = performance.now();
    const { bytes } = await readRevisionBytes({ documentId: fixture.documentId });
    const read = performance.now();
    const digest = sha256Hex(bytes);
    const elapsed = performance.now() - started;
    readOnly.push(read - started);
    hashOnly.push(performance.now() - read);
    if (digest !== fixture.sha256) throw new Error('the reference read the wrong bytes');
    return elapsed;
  };

  // Warm up both paths (route compilation, connections, page cache).
  for (let i = 0; i < 2; i++) {
    await downloadMs();
    await readAndHashMs();
  }
  readOnly.length = 0;
  hashOnly.length = 0;
  const route: number[] = [];
  const reference: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    route.push(await downloadMs());
    reference.push(await readAndHashMs());
  }
  const events = await db.auditEvent.count({ where: { ceremonyId: fixture.ceremonyId, kind: 'artefact.downloaded' } });
  const routeMs = median(route);
  const referenceMs = median(reference);
  printBudget({
    id: 'P5',
    ratio: routeMs / referenceMs,
    limit: 1.5,
    detail: `download 30.0 MB sealed PDF through the route, as a signed-in archivist: ${routeMs.toFixed(0)} ms; read + SHA-256: ${referenceMs.toFixed(0)} ms (of which SHA-256 ${median(hashOnly).toFixed(0)} ms); medians of ${RUNS}; ${events} downloads audited`,
    failed: events !== RUNS + 2,
  });

  // Where the read time goes: the app's reader against a plain Prisma select of the Bytes
  // column, which on SQLite maps every byte through a JS number array (lib/db.ts, readBlobs).
  const prismaSelect: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const rows = await db.documentRevision.findMany({ where: { documentId: fixture.documentId }, select: { appendedBytes: true } });
    prismaSelect.push(performance.now() - started);
    if (rows.reduce((sum, row) => sum + row.appendedBytes.length, 0) !== SIZE) throw new Error('the Prisma select read the wrong bytes');
  }
  console.log(
    `revision read, 30.0 MB in 4 revisions: app reader (readRevisionBytes) ${median(readOnly).toFixed(0)} ms; Prisma select of the Bytes column ${median(prismaSelect).toFixed(0)} ms (medians of ${RUNS} and 3)`,
  );
} finally {
  if (app.pid && !exited) process.kill(-app.pid, 'SIGTERM');
  await db.$disconnect();
}
