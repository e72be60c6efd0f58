import { describe, expect, it } from 'vitest';
import { readUploadBody } from '@/lib/documents/read-upload-body';
import { isAppError } from '@/lib/errors';

function streamOf(chunks: number[], onPull?: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (index >= chunks.length) controller.close();
      else controller.enqueue(new Uint8Array(chunks[index++]!).fill(0x25));
    },
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, reason: error.fieldErrors?.file };
    throw error;
  }
  return null;
}

describe('readUploadBody (hostile case "Oversized upload")', () => {
  it('reads a body within the limit', async () => {
    const bytes = await readUploadBody(streamOf([10, 20, 30]), '60', 100);
    expect(bytes.byteLength).toBe(60);
  });

  it('refuses a declared Content-Length over the limit without reading anything', async () => {
    let pulls = 0;
    const result = await failure(
      readUploadBody(
        streamOf([10], () => (pulls += 1)),
        '101',
        100,
      ),
    );
    expect(result).toEqual({ status: 413, reason: 'TOO_LARGE' });
    expect(pulls).toBeLessThanOrEqual(1); // the stream's own start-up pull, never a read by us
  });

  it('stops reading as soon as a body without (or lying about) its length passes the limit', async () => {
    let pulls = 0;
    const result = await failure(
      readUploadBody(
        streamOf([60, 60, 60, 60, 60], () => (pulls += 1)),
        null,
        100,
      ),
    );
    expect(result).toEqual({ status: 413, reason: 'TOO_LARGE' });
    expect(pulls).toBeLessThanOrEqual(3);
    expect(await failure(readUploadBody(streamOf([60, 60]), '10', 100))).toEqual({ status: 413, reason: 'TOO_LARGE' });
  });

  it('refuses an empty body', async () => {
    expect(await failure(readUploadBody(streamOf([]), '0', 100))).toEqual({ status: 400, reason: 'EMPTY' });
    expect(await failure(readUploadBody(null, null, 100))).toEqual({ status: 400, reason: 'EMPTY' });
  });
});
