import { describe, expect, it } from 'vitest';
import { inspectPdfInWorker } from '@/lib/documents/inspect-pdf-in-worker';
import { simplePdf } from '@/lib/signing/pdf/testing/fixtures';
import { HOSTILE_PDFS, minimalPdf } from '@/lib/signing/pdf/testing/hostile-pdfs';
import { isAppError } from '@/lib/errors';

async function refusal(bytes: Uint8Array) {
  const started = performance.now();
  try {
    await inspectPdfInWorker(bytes);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, reason: error.fieldErrors?.file, message: error.message, ms: performance.now() - started };
  }
  throw new Error('accepted a hostile file');
}

describe('inspectPdfInWorker (hostile case 6)', () => {
  it('reads page count and page boxes of a normal file', async () => {
    const result = await inspectPdfInWorker(await simplePdf({ pages: 3 }));
    expect(result.pageCount).toBe(3);
    expect(result.pages[0]).toMatchObject({ originX: 0, originY: 0, rotate: 0 });
    expect(result.pages[0]!.width).toBeGreaterThan(500);
    expect((await inspectPdfInWorker(minimalPdf())).pages).toEqual([{ width: 612, height: 792, originX: 0, originY: 0, rotate: 0 }]);
  });

  const expected: Record<keyof typeof HOSTILE_PDFS, { status: number; reason: string }> = {
    'not-a-pdf': { status: 415, reason: 'NOT_A_PDF' },
    encrypted: { status: 422, reason: 'ENCRYPTED' },
    truncated: { status: 422, reason: 'TRUNCATED' },
    'cyclic-page-tree': { status: 422, reason: 'MALFORMED' },
    'object-stream-bomb': { status: 422, reason: 'TOO_COMPLEX' },
    'deeply-nested': { status: 422, reason: 'TOO_COMPLEX' },
    'two-billion-pages': { status: 422, reason: 'TOO_COMPLEX' },
  };

  for (const [name, make] of Object.entries(HOSTILE_PDFS) as [keyof typeof HOSTILE_PDFS, () => Uint8Array][]) {
    it(`refuses ${name} with a clear message within 2 s`, async () => {
      const result = await refusal(make());
      expect(result).toMatchObject(expected[name]);
      expect(result.message.length).toBeGreaterThan(20);
      expect(result.ms).toBeLessThan(2000);
    });
  }

  it('kills a parse that outlives its time limit', async () => {
    const slow = await inspectPdfInWorker(await simplePdf({ pages: 2 }), { timeoutMs: 1 }).catch((error: unknown) => error);
    expect(isAppError(slow) && slow.fieldErrors?.file).toBe('TIMEOUT');
  });
});
