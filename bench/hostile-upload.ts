import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { HOSTILE_PDFS } from '@accord/pdf-signing/testing/hostile-pdfs';
import { benchProductionEnv } from './lib/bench-env';
import { median, printBudget } from './lib/budget';

/**
 * Budget P4 (docs/architecture.md, "Performance budgets"): a hostile upload is refused within 2 s, the server's memory grows
 * ≤ 4 × the input + 64 MB, and `/api/health` p99 during it ≤ 2 × idle.
 *
 * Runs the built app (`next start`, throwaway SQLite database, a DRAFT ceremony and its
 * signed-in organiser), uploads each file of hostile case "Hostile upload" through the real
 * route while a client keeps asking /api/health, samples the server process's RSS
 * meanwhile, and compares with /api/health alone in the same run.
 *   BENCH_UPLOAD_PORT (default 3320), BENCH_ROUNDS (default 3), BENCH_SKIP_BUILD=1
 */
const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_UPLOAD_PORT ?? 3320);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const databaseFile = path.join(root, 'data/bench-upload.db');
const baseUrl = `http://127.0.0.1:${port}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status < 500;
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

/** The `next-server` process in the app's process group (npx → next → next-server). */
function serverPid(groupId: number): number {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (Number(fields[2]) === groupId && /next-server|next start|next\/dist\/bin\/next/.test(command) && !command.startsWith('npm')) {
        const rss = rssOf(Number(entry));
        if (rss > 50 * 1024 * 1024) return Number(entry);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('next-server process not found');
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

/** Asks /api/health one request after another until `until` resolves; returns the latencies. */
async function healthWhile<T>(until: Promise<T>): Promise<{ latencies: number[]; result: T }> {
  const latencies: number[] = [];
  let done = false;
  const result = until.finally(() => {
    done = true;
  });
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  })();
  const value = await result;
  await poller;
  return { latencies, result: value };
}

async function idleHealth(durationMs: number): Promise<number[]> {
  return (await healthWhile(new Promise((resolve) => setTimeout(resolve, durationMs)))).latencies;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: `file:${databaseFile}`,
  APP_URL: baseUrl,
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789',
  AUTH_TRUST_HOST: 'true',
  CRON_SECRET: 'bench-cron-secret',
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOG_LEVEL: 'warn',
  ...benchProductionEnv,
} as NodeJS.ProcessEnv;

if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
  if (process.env.BENCH_SKIP_BUILD === '1') throw new Error('No build in .next and BENCH_SKIP_BUILD=1');
  execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
}
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databaseFile}${suffix}`, { force: true });
execFileSync('npx', ['tsx', 'scripts/db/migrate.ts'], { cwd: root, stdio: 'pipe', env });
const fixtureOutput = execFileSync('npx', ['tsx', '--conditions=react-server', 'bench/lib/upload-fixture.ts'], { cwd: root, env }).toString();
const fixture = JSON.parse(fixtureOutput.trim().split('\n').at(-1) ?? '{}') as { ceremonyId: string; sessionToken: string };

const app = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
try {
  await waitFor(`${baseUrl}/api/health`, 60, app);
  const pid = serverPid(app.pid!);
  const headers = { cookie: `authjs.session-token=${fixture.sessionToken}`, origin: baseUrl, 'content-type': 'application/pdf' };
  const upload = async (name: string, bytes: Uint8Array) => {
    const started = performance.now();
    const response = await fetch(
      `${baseUrl}/api/ceremonies/${fixture.ceremonyId}/documents?language=en&title=${encodeURIComponent(name)}&fileName=${name}.pdf`,
      {
        method: 'POST',
        headers,
        body: Buffer.from(bytes),
      },
    );
    const body = (await response.json()) as { error?: { fieldErrors?: { file?: string } } };
    return { status: response.status, reason: body.error?.fieldErrors?.file ?? '', ms: performance.now() - started };
  };

  // Warm up: the route, the worker path, the health route.
  for (const make of Object.values(HOSTILE_PDFS)) await upload('warm-up', make());
  await idleHealth(1000);

  const ratios: number[] = [];
  const problems: string[] = [];
  let slowest = 0;
  let worstMemoryShare = 0;
  let worstMemoryDetail = '';
  const idleAll: number[] = [];
  const busyAll: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, make] of Object.entries(HOSTILE_PDFS)) {
      const bytes = make();
      const idle = await idleHealth(600);
      const baseline = rssOf(pid);
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssOf(pid));
      }, 10);
      const { latencies, result } = await healthWhile(upload(name, bytes));
      clearInterval(sampler);
      peak = Math.max(peak, rssOf(pid));
      const allowed = 4 * bytes.length + 64 * 1024 * 1024;
      const growth = Math.max(0, peak - baseline);
      if (result.status !== 415 && result.status !== 422) problems.push(`${name}: answered ${result.status}`);
      if (result.ms > 2000) problems.push(`${name}: ${result.ms.toFixed(0)} ms`);
      if (growth > allowed) problems.push(`${name}: memory +${(growth / 1048576).toFixed(1)} MB > ${(allowed / 1048576).toFixed(1)} MB`);
      slowest = Math.max(slowest, result.ms);
      if (growth / allowed > worstMemoryShare) {
        worstMemoryShare = growth / allowed;
        worstMemoryDetail = `${name} +${(growth / 1048576).toFixed(1)} MB of ${(allowed / 1048576).toFixed(1)} MB allowed`;
      }
      ratios.push(percentile(latencies, 99) / percentile(idle, 99));
      idleAll.push(...idle);
      busyAll.push(...latencies);
    }
  }
  printBudget({
    id: 'P4',
    ratio: median(ratios),
    limit: 2,
    failed: problems.length > 0,
    detail:
      `${Object.keys(HOSTILE_PDFS).length} hostile files × ${rounds}; /api/health p99 during upload ${percentile(busyAll, 99).toFixed(1)} ms vs idle ${percentile(idleAll, 99).toFixed(1)} ms; ` +
      `slowest refusal ${slowest.toFixed(0)} ms (limit 2000); memory worst ${worstMemoryDetail}` +
      (problems.length > 0 ? `; PROBLEMS: ${problems.join('; ')}` : ''),
  });
} finally {
  if (app.pid) process.kill(-app.pid, 'SIGTERM');
}
