// Which part of the code may import which (eslint-plugin-boundaries; eslint.config.mjs takes it in).
// app/ is the glue: it may use lib/ and components/. components/ render: they may call server
// actions (app/**/actions.ts, the 'use server' files) but never load server code, except for
// its types. lib/ never reaches up into app/ or components/. The PDF package is a library of its
// own and imports nothing of the app.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import boundaries from 'eslint-plugin-boundaries';

const root = path.resolve(import.meta.dirname, '../..');

/** lib/ files that start with `import 'server-only'`: the server code a component may not load. */
function serverOnlyLibFiles() {
  return readdirSync(path.join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `lib/${file.split(path.sep).join('/')}`)
    .filter((file) => /^import 'server-only';/m.test(readFileSync(path.join(root, file), 'utf8')));
}

// The parts of the code (folders), and the files whose category matters to them.
const elements = [
  { type: 'app', partialMatch: false, pattern: 'app' },
  { type: 'components', partialMatch: false, pattern: 'components' },
  { type: 'lib', partialMatch: false, pattern: 'lib' },
  { type: 'pdf-signing', partialMatch: false, pattern: 'packages/pdf-signing' },
];
const files = [
  { category: 'server-action', pattern: 'app/**/actions.ts' },
  { category: 'server-only', pattern: serverOnlyLibFiles() },
];

// Later policies win over earlier ones that match the same import.
const policies = [
  {
    from: { element: { type: 'components' } },
    disallow: [{ to: { element: { type: 'app' } } }, { to: { file: { categories: 'server-only' } } }],
    message: 'A component never loads server code: call a server action (app/**/actions.ts) or import only its types (`import type`).',
  },
  { from: { element: { type: 'components' } }, allow: [{ to: { file: { categories: 'server-action' } } }, { dependency: { kind: 'type' } }] },
  {
    from: { element: { type: 'lib' } },
    disallow: { to: { element: { types: { anyOf: ['app', 'components'] } } } },
    message: 'lib/ is the domain: it never imports app/ or components/ (pass what it needs as plain values).',
  },
  {
    from: { element: { type: 'pdf-signing' } },
    disallow: { to: { element: { types: { anyOf: ['app', 'components', 'lib'] } } } },
    message: 'The PDF package is a library of its own: it imports nothing of the app.',
  },
];

export const importBoundaries = {
  files: ['**/*.{ts,tsx,mjs,js}'],
  // Tests may reach anything: an integration test beside a use-case drives its route or action too.
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': elements,
    'boundaries/files': files,
    'boundaries/include': ['app/**', 'components/**', 'lib/**', 'packages/pdf-signing/**'],
  },
  rules: { 'boundaries/dependencies': ['error', { default: 'allow', policies }] },
};
