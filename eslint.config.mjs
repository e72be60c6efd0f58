import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import { importBoundaries } from './scripts/lint/import-boundaries.mjs';

const config = [
  { ignores: ['.scratch*', '.next/**', 'generated/**', 'node_modules/**', '.tools/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  importBoundaries,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The PDF engine is the workspace package @accord/pdf-signing: the only home of pdf-lib,
    // imported by its name and its exports map, never by a path into its folder.
    ignores: ['packages/pdf-signing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'pdf-lib', message: 'pdf-lib is used only inside packages/pdf-signing; call the package instead.' }],
          patterns: [{ group: ['**/packages/pdf-signing/**', '**/lib/signing/pdf/**'], message: "Import the PDF engine by name: '@accord/pdf-signing/…'." }],
        },
      ],
    },
  },
  {
    // The PDF package is a library in its own right: it never imports the app.
    files: ['packages/pdf-signing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/*', '@/**'], message: 'The PDF package must not import the app.' }] }],
    },
  },
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Every user-facing string goes through messages/*.json (en, de, ko).
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['·', '—', '–', ':', '/', '(', ')', '×', '•', '→', ','] }],
    },
  },
  {
    // process.env has one reader: lib/env.ts (instrumentation reads Next's own NEXT_RUNTIME).
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'components/**/*.tsx'],
    ignores: ['lib/env.ts', '**/*.test.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts' }] },
  },
];

export default config;
