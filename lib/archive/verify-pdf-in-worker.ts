import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pdfRefusal } from '@/lib/documents/pdf-inspector-pool';
import { AppError } from '@/lib/errors';
import type { VerificationReport } from '@accord/pdf-signing/verify-pdf-signatures';

/**
 * Runs the PDF signature verifier off the request thread (hostile case "Hostile upload"), in one
 * long-lived worker with a heap limit. Jobs run one at a time; a job that overruns its
 * time or memory ends the worker, and the next job starts a fresh one. The worker is
 * unreferenced while idle, so it never keeps a script or test process alive.
 */

const VERIFY_WORKER_FILE = path.join(process.cwd(), 'lib/archive/verify-pdf-worker.mjs');

const STARTUP_TIMEOUT_MS = 30_000;

type Answer = { id: number; ok: true; report: VerificationReport } | { id: number; ok: false; message: string };

interface LiveWorker {
  worker: Worker;
  ready: Promise<void>;
  /** Why it died, for the job in flight. */
  failure?: Error;
}

let live: LiveWorker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function startWorker(maxHeapMb: number): LiveWorker {
  // Not bundled: the worker is a plain file that Node loads by path at run time (tsx compiles the verifier there).
  const worker = new Worker(/* turbopackIgnore: true */ VERIFY_WORKER_FILE, {
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const entry: LiveWorker = {
    worker,
    ready: new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('SERVICE_UNAVAILABLE', 'The PDF verifier did not start in time.', undefined, { reason: 'pdf-verifier-unavailable' })),
        STARTUP_TIMEOUT_MS,
      );
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new AppError('SERVICE_UNAVAILABLE', `The PDF verifier stopped while starting (exit code ${code}).`, undefined, {
            reason: 'pdf-verifier-unavailable',
          }),
        );
      });
    }),
  };
  worker.on('error', (error: Error & { code?: string }) => {
    entry.failure =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? pdfRefusal('OUT_OF_MEMORY', 'Checking this PDF needs far more memory than a normal document does. It cannot be verified.')
        : error;
  });
  worker.on('exit', () => {
    if (live === entry) live = undefined;
  });
  // Errors of a failed start are reported to the job that waits for it.
  entry.ready.catch(() => undefined);
  return entry;
}

async function runJob(bytes: Uint8Array, trustedCaDer: Uint8Array[], timeoutMs: number, maxHeapMb: number): Promise<VerificationReport> {
  live ??= startWorker(maxHeapMb);
  const entry = live;
  entry.worker.ref();
  try {
    await entry.ready;
    const id = nextId++;
    return await new Promise<VerificationReport>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        entry.worker.off('message', onMessage);
        entry.worker.off('exit', onExit);
      };
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return;
        cleanup();
        if (answer.ok) resolve(answer.report);
        else
          reject(
            new AppError('UNPROCESSABLE_DOCUMENT', `The PDF could not be checked: ${answer.message}`, { file: 'MALFORMED' }, { reason: 'pdf-unreadable' }),
          );
      };
      const onExit = () => {
        cleanup();
        reject(entry.failure ?? new AppError('INTERNAL', 'The PDF verifier stopped unexpectedly.'));
      };
      const timer = setTimeout(() => {
        cleanup();
        if (live === entry) live = undefined;
        void entry.worker.terminate();
        reject(
          pdfRefusal('TIMEOUT', `The PDF's signatures could not be checked within ${timeoutMs / 1000} s. The file is too complex to be a normal document.`),
        );
      }, timeoutMs);
      entry.worker.on('message', onMessage);
      entry.worker.once('exit', onExit);
      entry.worker.postMessage({ id, bytes, trustedCaDer });
    });
  } finally {
    entry.worker.unref();
  }
}

export function verifyPdfInWorker(
  bytes: Uint8Array,
  options: { trustedCaDer?: Uint8Array[]; timeoutMs?: number; maxHeapMb?: number } = {},
): Promise<VerificationReport> {
  const work = () => runJob(bytes, options.trustedCaDer ?? [], options.timeoutMs ?? 10_000, options.maxHeapMb ?? 384);
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}
