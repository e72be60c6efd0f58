'use client';

import { config } from 'zod/v4/core';

// zod 4 probes whether it may compile parsers with Function(""); under the app's
// Content-Security-Policy (no 'unsafe-eval') that probe is a blocked eval, reported as a
// violation on every page. Parse without compiling: the schemas the browser runs are small.
config({ jitless: true });

/** Rendered once in the root layout, so the setting is made before any client code parses. */
export function ParseWithoutEval() {
  return null;
}
