import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assertLiveKitKnowsBenchPair, benchProductionEnv } from './bench-env';

/**
 * The built app (`next start`) on a throwaway SQLite database with one LIVE ceremony and a
 * signed-in organiser, plus the local LiveKit server: what bench/livekit-token.ts (P6) and
 * bench/room-bundle.ts (P7) measure. Builds first when there is no build (BENCH_SKIP_BUILD=1
 * to insist on the existing one).
 */
const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.BENCH_APP_PORT ?? 3300);
const databaseFile = path.join(root, 'data/bench-live.db');
/** BENCH_DATABASE_URL=postgresql://…/accord_bench_test measures on PostgreSQL (the database is reset). */
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${databaseFile}`;

export interface BenchApp {
  baseUrl: string;
  ceremonyId: string;
  /** Cookie + Origin headers of the signed-in organiser */
  headers: Record<string, string>;
  /** Everything the fixture script printed (its own shape for a custom `fixtureScript`). */
  fixture: Record<string, unknown>;
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

async function waitFor(url: string, seconds: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before answering ${url}`);
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds}s`);
}

/** `fixtureScript`: another data set (run like bench/lib/live-fixture.ts, printing JSON last). */
export async function startBenchApp({ fixtureScript = 'bench/lib/live-fixture.ts' }: { fixtureScript?: string } = {}): Promise<BenchApp> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    APP_URL: baseUrl,
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
    AUTH_TRUST_HOST: 'true',
    CRON_SECRET: 'bench-cron-secret',
    ACCORD_BENCH: 'true',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    ...benchProductionEnv,
  } as NodeJS.ProcessEnv;
  if (!existsSync(path.join(root, '.next/BUILD_ID')) || process.env.BENCH_BUILD === '1') {
    if (process.env.BENCH_SKIP_BUILD === '1') throw new Error('No build in .next and BENCH_SKIP_BUILD=1');
    execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  }

  if (databaseUrl.startsWith('file:')) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databaseFile}${suffix}`, { force: true });
  } else {
    execFileSync('node', ['scripts/db/reset-postgres-database.mjs', databaseUrl], { cwd: root, stdio: 'pipe', env });
  }
  execFileSync('npx', ['tsx', 'scripts/db/migrate.ts'], { cwd: root, stdio: 'pipe', env });
  const fixtureOutput = execFileSync('npx', ['tsx', '--conditions=react-server', fixtureScript], { cwd: root, env }).toString();
  const fixture = JSON.parse(fixtureOutput.trim().split('\n').at(-1) ?? '{}') as { ceremonyId: string; sessionToken: string } & Record<string, unknown>;

  const livekitWasRunning = await answers('http://127.0.0.1:7880/');
  assertLiveKitKnowsBenchPair(livekitWasRunning);
  if (!livekitWasRunning) execFileSync('bash', ['scripts/livekit/start.sh'], { cwd: root, stdio: 'pipe', env });

  const app = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitFor(`${baseUrl}/api/health`, 60, app);

  return {
    baseUrl,
    ceremonyId: fixture.ceremonyId,
    headers: { cookie: `authjs.session-token=${fixture.sessionToken}`, origin: baseUrl },
    fixture,
    stop: async () => {
      // The app was started in its own process group (npx → next): end that group only.
      if (app.pid) process.kill(-app.pid, 'SIGTERM');
      if (!livekitWasRunning) execFileSync('bash', ['scripts/livekit/stop.sh'], { cwd: root, stdio: 'pipe' });
    },
  };
}
