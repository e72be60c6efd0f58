import { AppError } from '@/lib/errors';

/**
 * Reads a request body up to `maxBytes` (hostile case "Oversized upload"): a declared Content-Length over
 * the limit is refused before reading anything, and a body that runs past it while
 * streaming (chunked, or lying about its length) is cut off at the limit. Never holds
 * more than the limit in memory.
 */
export async function readUploadBody(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | null,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than the limit of ${formatMegabytes(maxBytes)}.`,
      { file: 'TOO_LARGE' },
      { reason: 'file-too-large', params: { limit: formatMegabytes(maxBytes) } },
    );
  if (contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!body) throw new AppError('INVALID_INPUT', 'No file was sent.', { file: 'EMPTY' }, { reason: 'file-empty' });
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (received === 0) throw new AppError('INVALID_INPUT', 'The file is empty.', { file: 'EMPTY' }, { reason: 'file-empty' });
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
