import { createHash } from 'node:crypto';

/**
 * The app's one SHA-256. Strings are hashed as UTF-8. The PDF package has its own
 * (packages/pdf-signing/src/sha256.ts): it imports nothing of the app.
 */
type HashInput = Uint8Array | string;

/** Lower-case hex, the form every stored and audited hash takes. */
export function sha256Hex(data: HashInput): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Base64, the form of LiveKit's webhook `sha256` claim. */
export function sha256Base64(data: HashInput): string {
  return createHash('sha256').update(data).digest('base64');
}

/** The 32 raw bytes. */
export function sha256Bytes(data: HashInput): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * The hex SHA-256 of each prefix `bytes.subarray(0, end)`, in one pass over the bytes and
 * without copying them. Ends outside 1…bytes.length are left out of the map.
 */
export function sha256HexOfPrefixes(bytes: Uint8Array, ends: number[]): Map<number, string> {
  const sorted = [...new Set(ends)].filter((end) => end > 0 && end <= bytes.length).sort((a, b) => a - b);
  const hashes = new Map<number, string>();
  const hash = createHash('sha256');
  let at = 0;
  for (const end of sorted) {
    hash.update(bytes.subarray(at, end));
    at = end;
    hashes.set(end, hash.copy().digest('hex'));
  }
  return hashes;
}
