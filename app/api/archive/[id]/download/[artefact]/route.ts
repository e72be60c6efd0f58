import { getSessionUser } from '@/lib/auth';
import { contentDisposition } from '@/lib/archive/content-disposition';
import { downloadArchiveArtefact } from '@/lib/archive/download-archive-artefact';
import { downloadRequestSchema } from '@/lib/archive/schemas';
import { AppError, toHttpError } from '@/lib/errors';
import { enforceDownloadRateLimit } from '@/lib/rate-limit';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

export const runtime = 'nodejs';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Streams bytes already held in memory in 1 MB views, as the client reads them. (Not a
 * `type: 'bytes'` stream: that would transfer, i.e. detach, the whole buffer on the first chunk.)
 */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(offset + CHUNK_BYTES, bytes.length);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
    },
  });
}

/**
 * GET /api/archive/:id/download/:artefact[?document=…&revision=…] — a concluded
 * ceremony's sealed PDF (or any revision), certificate, evidence package or audit log.
 * Authorised on every request; every download is written to the audit log.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; artefact: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    enforceDownloadRateLimit(user.id);
    const { id: ceremonyId, artefact } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = downloadRequestSchema.safeParse({ artefact, document: query.document, revision: query.revision });
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'Unknown file.', fieldErrorsFromZod(parsed.error), { reason: 'artefact-unknown' });
    const file = await downloadArchiveArtefact({
      ceremonyId,
      userId: user.id,
      artefact: parsed.data.artefact,
      documentId: parsed.data.document,
      revisionNumber: parsed.data.revision,
    });
    return new Response(streamOf(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.length),
        'Content-Disposition': contentDisposition(file.fileName),
        'Cache-Control': 'private, no-store',
        'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
  }
}
