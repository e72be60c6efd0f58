import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench` runs every bench script; `npm run bench -- <name>` runs one (e.g.
 * `signing`). Each prints its `BUDGET <id> ratio=… limit=… PASS|FAIL (…)` lines; this
 * runner repeats them at the end so a script can collect them in one place.
 */
const benchDir = import.meta.dirname;
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
const budgets: string[] = [];
let failedToRun = false;
for (const name of requested.length > 0 ? requested : available) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', path.join(benchDir, `${name}.ts`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout ?? '');
  budgets.push(...(result.stdout ?? '').split('\n').filter((line) => line.startsWith('BUDGET ')));
  if (result.status !== 0) {
    failedToRun = true;
    console.error(`bench/${name} exited with ${result.status}`);
  }
}
console.log(`\n== budgets\n${budgets.join('\n')}`);
process.exit(failedToRun ? 1 : 0);
