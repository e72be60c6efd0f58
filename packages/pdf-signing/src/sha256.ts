import { createHash } from 'node:crypto';

/**
 * The package's one SHA-256: of the parts in order, as if concatenated, without copying
 * them (a signature's byte ranges hash in place). Strings are hashed as UTF-8. Internal:
 * the app has its own (lib/crypto/sha256.ts), since this package imports nothing of it
 * and exports only PDF work.
 */
export function sha256(...parts: (Uint8Array | string)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}
