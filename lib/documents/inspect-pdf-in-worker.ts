import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@/lib/errors';

/**
 * Parses an uploaded PDF off the request thread (hostile case 6): a fresh worker per file
 * with a heap limit and a kill timer, so a bomb, an endless page tree or a stack-breaking
 * nest costs that worker, never the server. The worker is a plain .mjs file loaded by
 * path, which works both in the bundled server (`next start`) and under vitest/tsx.
 */

export interface InspectedPage {
  width: number;
  height: number;
  originX: number;
  originY: number;
  rotate: number;
}

export interface PdfInspection {
  pageCount: number;
  pages: InspectedPage[];
}

/** Why a file was refused; the UI translates these (`schedule.upload.reasons.*`). */
export type PdfRefusalReason = 'NOT_A_PDF' | 'ENCRYPTED' | 'TRUNCATED' | 'NO_PAGES' | 'MALFORMED' | 'TOO_COMPLEX' | 'TIMEOUT' | 'OUT_OF_MEMORY';

type WorkerAnswer =
  | { ok: true; pageCount: number; pages: InspectedPage[] }
  | { ok: false; code: Exclude<PdfRefusalReason, 'TIMEOUT' | 'OUT_OF_MEMORY'>; message: string };

export const WORKER_FILE = path.join(process.cwd(), 'lib/signing/pdf/inspect-upload-worker.mjs');

export function pdfRefusal(reason: PdfRefusalReason, message: string): AppError {
  const code = reason === 'NOT_A_PDF' ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNPROCESSABLE_DOCUMENT';
  return new AppError(code, message, { file: reason });
}

export function inspectPdfInWorker(bytes: Uint8Array, options: { timeoutMs?: number; maxHeapMb?: number } = {}): Promise<PdfInspection> {
  const timeoutMs = options.timeoutMs ?? 2000;
  return new Promise<PdfInspection>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_FILE, {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // pdf-lib warns on odd files; those lines are no use in the server log.
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          pdfRefusal(
            'TIMEOUT',
            `The PDF could not be read within ${timeoutMs / 1000} s. It is too complex to be a normal document (possibly built to exhaust the server).`,
          ),
        ),
      );
    }, timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => {
      finish(() => {
        if (answer.ok) resolve({ pageCount: answer.pageCount, pages: answer.pages });
        else reject(pdfRefusal(answer.code, answer.message));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      finish(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(pdfRefusal('OUT_OF_MEMORY', 'The PDF needs far more memory to open than a normal document. It cannot be used.'));
        } else {
          reject(error);
        }
      });
    });
    worker.once('exit', (exitCode) => {
      finish(() => reject(new AppError('INTERNAL', `The PDF inspection stopped unexpectedly (exit code ${exitCode}).`)));
    });
  });
}
