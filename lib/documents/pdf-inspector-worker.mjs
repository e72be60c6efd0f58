// Worker-thread entry of the PDF inspector pool (lib/documents/pdf-inspector-pool.ts). It
// lives as long as the process and serves file after file; the pool ends it (and starts
// a replacement) when an inspection overruns its time or its heap.
//
// The inspector is TypeScript (@accord/pdf-signing/inspect-pdf, on the project's own PDF
// reader; the package ships its source); tsx's loader compiles it here, as in the
// verifier's worker, after Node resolves the package name through the workspace link.
// Plain JavaScript so that Node loads it by path both under `next start` (the app is
// bundled, this file is not) and under vitest/tsx.
//
// Messages: in { id, bytes, options }; out { ready: true } once, then
//   { id, ok: true, inspection } or { id, ok: false, code, message, details }.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Dynamic and marked: a bundler that follows this file must leave both imports to Node.
const { register } = await import(/* turbopackIgnore: true */ 'tsx/esm/api');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { inspectPdf } = await import(/* turbopackIgnore: true */ '@accord/pdf-signing/inspect-pdf');

parentPort.on('message', async ({ id, bytes, options }) => {
  try {
    const inspection = await inspectPdf(bytes, options);
    const transfer = inspection.cleanCopy ? [inspection.cleanCopy.bytes.buffer] : [];
    parentPort.postMessage({ id, ok: true, inspection }, transfer);
  } catch (error) {
    const code = typeof error?.code === 'string' && error?.name === 'PdfError' ? error.code : 'MALFORMED';
    parentPort.postMessage({
      id,
      ok: false,
      code,
      message: String(error?.message ?? error).slice(0, 500),
      details: Array.isArray(error?.details) ? error.details : undefined,
    });
  }
});
parentPort.postMessage({ ready: true });
