import { defineConfig } from 'vitest/config';

// The package's own test project: `npm test -w @accord/pdf-signing`, or `npx vitest run` in
// this folder. The root's `unit` project runs the same files (vitest.config.ts at the root).
// Tests may call pdfsig, qpdf and pyHanko (.tools/pyhanko); none needs a database or a server.
export default defineConfig({
  test: {
    name: 'pdf-signing',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
