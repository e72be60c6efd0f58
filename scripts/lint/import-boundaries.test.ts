import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints source text as if it lived at `filePath`, with the repository's own eslint config, and
// keeps only what the import boundaries report: if the rule stopped firing, these would fail.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'boundaries/dependencies').map((message) => message.message);
}

describe('import boundaries (eslint-plugin-boundaries)', () => {
  it('a component may not load server code, only call its server actions and use its types', async () => {
    const errors = await boundaryErrors(
      'components/boundary-probe.tsx',
      [
        "import { db } from '@/lib/db';",
        "import type { Tx } from '@/lib/db';",
        "import { signOutAction } from '@/app/actions';",
        "import Home from '@/app/page';",
        "import { formatByteSize } from '@/lib/archive/format-byte-size';",
        'export const used: unknown[] = [db, signOutAction, Home, formatByteSize, null as unknown as Tx];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/A component never loads server code/);
  }, 60_000);

  it('lib/ may not import app/ or components/', async () => {
    const errors = await boundaryErrors(
      'lib/boundary-probe.ts',
      [
        "import { Button } from '@/components/ui/button';",
        "import { signOutAction } from '@/app/actions';",
        'export const used = [Button, signOutAction];',
      ].join('\n'),
    );
    expect(errors).toEqual([expect.stringMatching(/lib\/ is the domain/), expect.stringMatching(/lib\/ is the domain/)]);
  }, 60_000);

  it('the PDF package imports nothing of the app', async () => {
    const errors = await boundaryErrors(
      'packages/pdf-signing/src/boundary-probe.ts',
      "import { AppError } from '../../../lib/errors';\nexport const used = [AppError];",
    );
    expect(errors).toEqual([expect.stringMatching(/The PDF package is a library of its own/)]);
  }, 60_000);

  it('app/ may use lib/ and components/', async () => {
    const errors = await boundaryErrors(
      'app/boundary-probe/page.tsx',
      ["import { db } from '@/lib/db';", "import { Button } from '@/components/ui/button';", 'export const used = [db, Button];'].join('\n'),
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
