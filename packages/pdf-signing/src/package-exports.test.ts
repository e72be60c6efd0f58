import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The package's shape: every entry of its exports map names a file and loads by the
 * package's name, and every module it imports is its own or one of its declared
 * dependencies (so it can stand on its own, and never reaches into the app).
 */

const packageDir = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const entries = Object.entries(manifest.exports).filter(([key]) => !key.includes('*') && key !== './package.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

describe('@accord/pdf-signing', () => {
  it('every entry of the exports map names a file of the package', () => {
    expect(manifest.name).toBe('@accord/pdf-signing');
    for (const [, target] of entries) expect(existsSync(path.join(packageDir, target)), target).toBe(true);
  });

  it.each(entries.map(([key]) => key))('%s loads by the package name', async (key) => {
    const specifier = key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`;
    const loaded: Record<string, unknown> = await import(/* @vite-ignore */ specifier);
    expect(Object.keys(loaded).length).toBeGreaterThan(0);
  });

  it('imports only its own modules, Node built-ins and its declared dependencies', () => {
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
    const undeclared: string[] = [];
    for (const file of sourceFiles(path.join(packageDir, 'src'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
        const specifier = match[1] ?? match[2]!;
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!declared.has(packageName)) undeclared.push(`${path.relative(packageDir, file)}: ${specifier}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
