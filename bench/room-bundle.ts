import { gzipSync } from 'node:zlib';
import { printBudget } from './lib/budget';
import { startBenchApp } from './lib/live-bench-app';

/**
 * Budget P7: the ceremony room's first-load JavaScript (gzip) ≤ 1.15 × a bare LiveKit
 * `VideoConference` page (app/bench/video-conference) from the same build. First-load JS
 * = every script the page's HTML references, each gzipped (Next 16 no longer prints page
 * sizes).
 */
async function firstLoadJsGzipBytes(baseUrl: string, pagePath: string, headers: Record<string, string>): Promise<{ bytes: number; scripts: number }> {
  const response = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie: headers.cookie ?? '' }, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
  let bytes = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source.replaceAll('&amp;', '&'), baseUrl));
    bytes += gzipSync(Buffer.from(await script.arrayBuffer())).length;
  }
  return { bytes, scripts: sources.length };
}

const app = await startBenchApp();
try {
  const room = await firstLoadJsGzipBytes(app.baseUrl, `/ceremonies/${app.ceremonyId}/room`, app.headers);
  const bare = await firstLoadJsGzipBytes(app.baseUrl, '/bench/video-conference', app.headers);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  printBudget({
    id: 'P7',
    ratio: room.bytes / bare.bytes,
    limit: 1.15,
    detail: `room ${kib(room.bytes)} gzip in ${room.scripts} scripts vs bare VideoConference ${kib(bare.bytes)} in ${bare.scripts}`,
  });
} finally {
  await app.stop();
}
