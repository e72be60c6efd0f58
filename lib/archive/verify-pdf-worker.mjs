// Worker-thread entry that checks the signatures of an uploaded PDF for the archive's
// verify page. It runs with a heap limit and a kill timer (lib/archive/verify-pdf-in-worker.ts),
// so a file built to be expensive costs this thread, never the server's request thread.
//
// The verifier is TypeScript (@accord/pdf-signing/verify-pdf-signatures, the same code as
// bin/accord-verify; the package ships its source); tsx's loader compiles it here, as
// bin/accord-verify.mjs does. Node resolves the package name from this file through the
// workspace link in node_modules. Loading takes most of a second, so one worker lives on
// and serves request after request.
//
// Messages: in { id, bytes, trustedCaDer }; out { ready: true } once, then
//   { id, ok: true, report } or { id, ok: false, message }.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Dynamic and marked: a bundler that follows this file must leave both imports to Node.
const { register } = await import(/* turbopackIgnore: true */ 'tsx/esm/api');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { verifyPdfSignatures } = await import(/* turbopackIgnore: true */ '@accord/pdf-signing/verify-pdf-signatures');

parentPort.on('message', ({ id, bytes, trustedCaDer }) => {
  try {
    const report = verifyPdfSignatures(bytes, { trustedCaDer });
    parentPort.postMessage({ id, ok: true, report });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String(error?.message ?? error).slice(0, 300) });
  }
});
parentPort.postMessage({ ready: true });
