import { printBudget } from './lib/budget';
import { startBenchApp } from './lib/live-bench-app';

/**
 * Budget P6: the LiveKit token route's p99 under 200 concurrent requests ≤ 1.5 × an
 * authenticated no-op route (same session lookup, same proxy, same server), measured in
 * the same run against the real local LiveKit server.
 */
const CONCURRENCY = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function burst(url: string, headers: Record<string, string>, expectStatus: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers });
      await response.arrayBuffer();
      if (response.status !== expectStatus) throw new Error(`${url} answered ${response.status}, expected ${expectStatus}`);
      return performance.now() - started;
    }),
  );
}

const app = await startBenchApp();
try {
  const tokenUrl = `${app.baseUrl}/api/ceremonies/${app.ceremonyId}/livekit-token`;
  const noopUrl = `${app.baseUrl}/api/bench/noop`;
  // Warm up both routes (compilation caches, DB connections, the room's creation).
  await burst(tokenUrl, app.headers, 200);
  await burst(noopUrl, app.headers, 204);
  const token: number[] = [];
  const noop: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    noop.push(...(await burst(noopUrl, app.headers, 204)));
    token.push(...(await burst(tokenUrl, app.headers, 200)));
  }
  const tokenP99 = percentile(token, 99);
  const noopP99 = percentile(noop, 99);
  printBudget({
    id: 'P6',
    ratio: tokenP99 / noopP99,
    limit: 1.5,
    detail: `token route p99 ${tokenP99.toFixed(0)} ms vs authenticated no-op p99 ${noopP99.toFixed(0)} ms; ${ROUNDS}×${CONCURRENCY} concurrent requests each`,
  });
} finally {
  await app.stop();
}
