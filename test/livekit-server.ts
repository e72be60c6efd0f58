import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const healthUrl = 'http://127.0.0.1:7880/';

async function answers(): Promise<boolean> {
  try {
    await fetch(healthUrl, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The real LiveKit server for integration tests (scripts/livekit/start.sh, our dev keys).
 * Returns a function that stops it again if this call started it; a server that was
 * already running (a developer's) is left alone.
 */
export async function useLocalLiveKit(): Promise<() => void> {
  if (await answers()) return () => {};
  execFileSync('bash', [path.join(root, 'scripts/livekit/start.sh')], { cwd: root, stdio: 'pipe' });
  return () => execFileSync('bash', [path.join(root, 'scripts/livekit/stop.sh')], { cwd: root, stdio: 'pipe' });
}
