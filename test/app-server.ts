import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';

/**
 * The built app (`next start`) as a separate process on the test's own database, for tests
 * that need the real server: killed with SIGKILL, sent oversized bodies, rate-limited.
 * Builds once if `.next` holds no build.
 */
const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

export function ensureBuilt(): void {
  if (existsSync(path.join(root, '.next/BUILD_ID'))) return;
  console.log('No build in .next: running `next build` once.');
  execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export interface AppServer {
  baseUrl: string;
  /** The running server's pid (the `next start` node process itself). */
  pid: () => number | undefined;
  start: () => Promise<void>;
  /** SIGKILL, no chance to clean up; resolves once the process is gone. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export function startableAppServer({ port, env = {} }: { port: number; env?: Record<string, string> }): AppServer {
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: baseUrl,
    AUTH_SECRET: 'server-test-auth-secret-0123456789abcdef0123',
    AUTH_TRUST_HOST: 'true',
    CRON_SECRET: 'server-test-cron-secret',
    // Nothing in these tests sends mail; a closed port, not the development outbox.
    SMTP_URL: 'smtp://127.0.0.1:9',
    LIVEKIT_URL: 'ws://127.0.0.1:7890',
    LIVEKIT_API_KEY: 'server-test',
    LIVEKIT_API_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    ...env,
  };
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const answers = async () => {
    try {
      return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).status < 500;
    } catch {
      return false;
    }
  };

  return {
    baseUrl,
    pid: () => child?.pid,
    async start() {
      if (await answers()) throw new Error(`Something already answers on ${baseUrl}`);
      output = '';
      // node itself, not npx: the pid is the server's, and SIGKILL hits it and nothing else.
      const started = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
        cwd: root,
        env: serverEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
      };
      started.stdout?.on('data', keep);
      started.stderr?.on('data', keep);
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      child = started;
      const deadline = Date.now() + 60_000;
      while (!(await answers())) {
        if (started.exitCode !== null) throw new Error(`next start exited (${started.exitCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async kill() {
      if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      child = undefined;
    },
    async stop() {
      if (child?.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      child = undefined;
    },
  };
}

/** A database session for `userId`, as Auth.js keeps it: the cookie a signed-in browser sends. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
  return `authjs.session-token=${sessionToken}`;
}
