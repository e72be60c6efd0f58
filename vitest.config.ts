import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// Integration tests use a throwaway database; scripts/test-all.sh points this at PostgreSQL too.
const integrationDatabaseUrl = process.env.DATABASE_URL ?? 'file:./data/test-integration.db';
process.env.DATABASE_URL = integrationDatabaseUrl;
const alias = { '@': root, 'server-only': `${root}test/server-only-stub.ts` };

// unit: no database, no network servers (PDF tests may call pdfsig/qpdf); the components' pure
// logic (no DOM) too; it takes in the workspace packages' own tests (packages/pdf-signing has its
// vitest config for runs on its own).
// integration: `*.int.test.ts`, against the database named by DATABASE_URL
// (scripts/test-all.sh runs them once on SQLite and once on PostgreSQL).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'bin/**/*.test.ts',
            'scripts/**/*.test.ts',
            'i18n/**/*.test.ts',
            'packages/*/src/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['lib/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          environment: 'node',
          setupFiles: ['test/integration-setup.ts'],
          globalSetup: ['test/integration-global-setup.ts'],
          env: { DATABASE_URL: integrationDatabaseUrl, NODE_ENV: 'test' },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // `*.server.test.ts`: against the built app (`next start`), so they run after the build.
          name: 'server',
          include: ['test/**/*.server.test.ts'],
          environment: 'node',
          setupFiles: ['test/integration-setup.ts'],
          globalSetup: ['test/integration-global-setup.ts'],
          env: { DATABASE_URL: integrationDatabaseUrl, NODE_ENV: 'test' },
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
