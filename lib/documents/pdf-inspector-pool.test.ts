import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfInspectorPool, pdfRefusalCodeOf } from '@/lib/documents/pdf-inspector-pool';
import { isAppError } from '@/lib/errors';
import { PDF_INSPECTION_LIMITS } from '@accord/pdf-signing/inspection-rules';
import { simplePdf } from '@accord/pdf-signing/testing/fixtures';
import {
  ACTIVE_CONTENT_PDFS,
  DECODE_BOMB_PDFS,
  HOSTILE_PDFS,
  memoryHungryPdf,
  minimalPdf,
  slowStreamSearchPdf,
} from '@accord/pdf-signing/testing/hostile-pdfs';

const pools: PdfInspectorPool[] = [];
function pool(options: ConstructorParameters<typeof PdfInspectorPool>[0] = {}) {
  const created = new PdfInspectorPool(options);
  pools.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

async function refusal(promise: Promise<unknown>) {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, code: pdfRefusalCodeOf(error), message: error.message, ms: performance.now() - started };
  }
  throw new Error('the file was accepted');
}

/** Starts the workers and waits until both serve, so timings below are of the work alone. */
async function warmed(created: PdfInspectorPool) {
  await Promise.all(Array.from({ length: created.size }, () => created.inspect(minimalPdf(), { policy: 'agreement' })));
  return created;
}

describe('the PDF inspector pool', () => {
  it('holds a script open while it inspects, and lets it end once idle', async () => {
    // A plain environment: the script is its own process, not one of vitest's workers.
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS')),
      NODE_ENV: 'test',
    };
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', '--conditions=react-server', 'test/inspect-and-exit.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Idle workers holding the process open would run into this (code null).
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('inspected 2');
  }, 60_000);

  it('is resident: the same worker threads serve file after file', async () => {
    const shared = await warmed(pool({ size: 2 }));
    const threads = shared.threadIds();
    expect(threads).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect((await shared.inspect(await simplePdf({ pages: 2 }), { policy: 'agreement' })).pageCount).toBe(2);
    expect(shared.threadIds()).toEqual(threads);
    expect(shared.started).toBe(2);
  });

  const expected: Record<keyof typeof HOSTILE_PDFS, { status: number; code: string }> = {
    'not-a-pdf': { status: 415, code: 'NOT_A_PDF' },
    encrypted: { status: 422, code: 'ENCRYPTED' },
    truncated: { status: 422, code: 'TRUNCATED' },
    'cyclic-page-tree': { status: 422, code: 'STRUCTURE_LOOP' },
    'object-stream-bomb': { status: 422, code: 'DECODE_BUDGET' },
    'deeply-nested': { status: 422, code: 'TOO_COMPLEX' },
    'two-billion-pages': { status: 422, code: 'TOO_COMPLEX' },
  };
  it('hostile case "Hostile upload": refuses each file with a clear message within 2 s', async () => {
    const shared = await warmed(pool());
    for (const [name, make] of Object.entries(HOSTILE_PDFS) as [keyof typeof HOSTILE_PDFS, () => Uint8Array][]) {
      const result = await refusal(shared.inspect(make(), { policy: 'agreement' }));
      expect(result, name).toMatchObject(expected[name]);
      expect(result.message.length).toBeGreaterThan(20);
      expect(result.ms).toBeLessThan(2000);
    }
  });

  it('ends a genuinely slow inspection at the 2 s limit, replaces the worker and keeps serving', async () => {
    const shared = await warmed(pool({ size: 1 }));
    expect(shared.timeoutMs).toBe(PDF_INSPECTION_LIMITS.timeoutMs);
    const before = shared.threadIds();
    // Tens of seconds of work for the reader if left alone (a quadratic search), under every other limit.
    const result = await refusal(shared.inspect(slowStreamSearchPdf(), { policy: 'agreement' }));
    expect(result.code).toBe('TIMEOUT');
    expect(result.ms).toBeGreaterThanOrEqual(PDF_INSPECTION_LIMITS.timeoutMs - 50);
    expect(result.ms).toBeLessThan(PDF_INSPECTION_LIMITS.timeoutMs + 1500);
    expect((await shared.inspect(minimalPdf(), { policy: 'agreement' })).pageCount).toBe(1);
    expect(shared.threadIds()).not.toEqual(before);
    expect(shared.started).toBe(2);
  });

  it('ends an inspection that outgrows the worker heap, replaces the worker and keeps serving', async () => {
    // A small heap and a generous clock, so that it is the memory limit that ends the work.
    const small = await warmed(pool({ size: 1, maxHeapMb: 48, timeoutMs: 30_000 }));
    const before = small.threadIds();
    const result = await refusal(small.inspect(memoryHungryPdf(60_000, 40), { policy: 'agreement' }));
    expect(result.code).toBe('OUT_OF_MEMORY');
    expect((await small.inspect(minimalPdf(), { policy: 'agreement' })).pageCount).toBe(1);
    expect(small.threadIds()).not.toEqual(before);
  });

  it('serves several files at once, each with its own verdict, while one of them is being killed', async () => {
    const shared = await warmed(pool({ size: 2 }));
    const good = await simplePdf({ pages: 3 });
    const results = await Promise.allSettled([
      shared.inspect(slowStreamSearchPdf(), { policy: 'agreement' }),
      shared.inspect(good, { policy: 'agreement' }),
      shared.inspect(ACTIVE_CONTENT_PDFS.launch(), { policy: 'agreement' }),
      shared.inspect(DECODE_BOMB_PDFS.LZW(), { policy: 'agreement' }),
      shared.inspect(minimalPdf(), { policy: 'agreement' }),
      shared.inspect(ACTIVE_CONTENT_PDFS.launch(), { policy: 'agreement', cleanCopy: true }),
    ]);
    const outcome = results.map((result) => (result.status === 'fulfilled' ? result.value.pageCount : pdfRefusalCodeOf(result.reason)));
    expect(outcome).toEqual(['TIMEOUT', 3, 'ACTIVE_CONTENT', 'DECODE_BUDGET', 1, 1]);
    const clean = results[5];
    expect(clean.status === 'fulfilled' && clean.value.cleanCopy?.dropped).toEqual([{ kind: 'launch', count: 1 }]);
  });
});
