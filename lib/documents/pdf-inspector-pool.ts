import 'server-only';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@/lib/errors';
import type { InspectPdfOptions, PdfInspection } from '@accord/pdf-signing/inspect-pdf';
import { isPdfRefusalCode, PDF_INSPECTION_LIMITS, PDF_REFUSALS, type PdfRefusalCode } from '@accord/pdf-signing/inspection-rules';

/**
 * A resident pool of worker threads that run the PDF inspector, created once per process
 * and reused for every file. Each inspection has a hard time limit and each worker a heap
 * limit (resourceLimits): a file that overruns either ends its worker, which the pool
 * replaces at once, so the next file finds a warm worker and the server's own thread
 * never parses a byte. Idle workers are unreferenced and never keep a process alive.
 */

const INSPECTOR_WORKER_FILE = path.join(process.cwd(), 'lib/documents/pdf-inspector-worker.mjs');

const STARTUP_TIMEOUT_MS = 30_000;

export type InspectorOptions = Pick<InspectPdfOptions, 'policy' | 'cleanCopy'>;

export interface PdfInspectorPoolOptions {
  size?: number;
  timeoutMs?: number;
  maxHeapMb?: number;
}

type Answer = { id: number; ok: true; inspection: PdfInspection } | { id: number; ok: false; code: string; message: string; details?: string[] };

interface Job {
  id: number;
  bytes: Uint8Array;
  options: InspectorOptions;
  resolve: (inspection: PdfInspection) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Why the worker died, for the job in flight. */
  failure?: Error;
}

/** The refusal every entry point answers with: code and message key from inspection-rules.ts. */
export function pdfRefusal(code: PdfRefusalCode, message: string, details?: string[]): AppError {
  const rule = PDF_REFUSALS[code];
  return new AppError(
    rule.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNPROCESSABLE_DOCUMENT',
    message,
    { file: code },
    {
      reason: code,
      params: details && details.length > 0 ? { found: details.join(',') } : undefined,
    },
  );
}

export function pdfRefusalCodeOf(error: unknown): PdfRefusalCode | undefined {
  const code = error instanceof AppError ? error.fieldErrors?.file : undefined;
  return isPdfRefusalCode(code) ? code : undefined;
}

export class PdfInspectorPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers started over the pool's life (replacements included). */
  started = 0;

  constructor(options: PdfInspectorPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? PDF_INSPECTION_LIMITS.timeoutMs;
    this.maxHeapMb = options.maxHeapMb ?? PDF_INSPECTION_LIMITS.workerHeapMb;
  }

  /** Starts the workers ahead of the first file (they take most of a second to load). */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.startSlot();
  }

  inspect(bytes: Uint8Array, options: InspectorOptions = {}): Promise<PdfInspection> {
    if (this.closed)
      return Promise.reject(new AppError('SERVICE_UNAVAILABLE', 'The PDF inspector has been shut down.', undefined, { reason: 'pdf-inspector-unavailable' }));
    this.warm();
    return new Promise<PdfInspection>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, bytes, options, resolve, reject });
      this.dispatch();
    });
  }

  /** Live worker threads (for tests: a replaced worker shows as a new thread id). */
  threadIds(): number[] {
    return this.slots.map((slot) => slot.worker.threadId);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0))
      job.reject(new AppError('SERVICE_UNAVAILABLE', 'The PDF inspector has been shut down.', undefined, { reason: 'pdf-inspector-unavailable' }));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private startSlot(): Slot {
    // Not bundled: the worker is a plain file that Node loads by path at run time (tsx compiles the inspector there).
    const worker = new Worker(/* turbopackIgnore: true */ INSPECTOR_WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    this.started++;
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    const startTimer = setTimeout(() => void worker.terminate(), STARTUP_TIMEOUT_MS);
    startTimer.unref();
    worker.on('message', (answer: Answer | { ready: true }) => {
      if ('ready' in answer) {
        clearTimeout(startTimer);
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== answer.id) return;
      this.release(slot);
      if (answer.ok) job.resolve(answer.inspection);
      else job.reject(pdfRefusal(isPdfRefusalCode(answer.code) ? answer.code : 'MALFORMED', answer.message, answer.details));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      slot.failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? pdfRefusal('OUT_OF_MEMORY', 'This PDF needs far more memory to read than a normal document. It cannot be used.')
          : error;
    });
    worker.on('exit', () => {
      clearTimeout(startTimer);
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const job = slot.job;
      if (job) {
        this.release(slot);
        job.reject(slot.failure ?? new AppError('INTERNAL', 'The PDF inspection stopped unexpectedly.'));
      }
      if (!this.closed && (this.waiting.length > 0 || this.slots.length < this.size)) this.warm();
      this.dispatch();
    });
    // After the listeners (adding a 'message' listener refs the worker again): see updateRefs.
    worker.unref();
    return slot;
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  }

  /**
   * A worker holds the process open only while work depends on it: it runs a job, or it is
   * still starting while jobs wait. Idle, it never keeps a script from exiting.
   */
  private updateRefs(): void {
    for (const slot of this.slots) {
      if (slot.job || (!slot.ready && this.waiting.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private dispatch(): void {
    this.assignWaitingJobs();
    this.updateRefs();
  }

  private assignWaitingJobs(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        slot.failure = pdfRefusal(
          'TIMEOUT',
          `This PDF could not be read within ${this.timeoutMs / 1000} s. It is too complex to be a normal document (possibly built to exhaust the server).`,
        );
        void slot.worker.terminate();
      }, this.timeoutMs);
      slot.worker.postMessage({ id: job.id, bytes: job.bytes, options: job.options });
    }
  }
}

let shared: PdfInspectorPool | undefined;

/** The process's pool, created on first use. */
function pdfInspectorPool(): PdfInspectorPool {
  shared ??= new PdfInspectorPool();
  return shared;
}

/** Inspects a PDF in the shared pool; refusals are AppErrors with `fieldErrors.file` = the refusal code. */
export function inspectPdfInPool(bytes: Uint8Array, options: InspectorOptions = {}): Promise<PdfInspection> {
  return pdfInspectorPool().inspect(bytes, options);
}
