import { median, printBudget } from './lib/budget';
import { startBenchApp } from './lib/live-bench-app';

/**
 * Budget P6: the LiveKit token route's p99 under 200 concurrent requests ≤ 1.5 × an
 * authenticated no-op route (same session lookup, same proxy, same server), measured in
 * the same run against the real local LiveKit server.
 */
const CONCURRENCY = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

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
  // Rounds alternate the two routes; each round's ratio compares bursts a moment apart,
  // and the median of those ratios does not follow whatever else the machine did meanwhile.
  const ratios: number[] = [];
  const token: number[] = [];
  const noop: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const [first, second] = round % 2 === 0 ? (['noop', 'token'] as const) : (['token', 'noop'] as const);
    const results = { noop: [] as number[], token: [] as number[] };
    for (const which of [first, second]) {
      results[which] = which === 'noop' ? await burst(noopUrl, app.headers, 204) : await burst(tokenUrl, app.headers, 200);
    }
    ratios.push(percentile(results.token, 99) / percentile(results.noop, 99));
    token.push(...results.token);
    noop.push(...results.noop);
  }
  const tokenP99 = percentile(token, 99);
  const noopP99 = percentile(noop, 99);
  printBudget({
    id: 'P6',
    ratio: median(ratios),
    limit: 1.5,
    detail: `median of ${ROUNDS} rounds of ${CONCURRENCY} concurrent requests per route; overall p99 token ${tokenP99.toFixed(0)} ms, authenticated no-op ${noopP99.toFixed(0)} ms`,
  });
} finally {
  await app.stop();
}
