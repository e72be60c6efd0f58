import { requireArchiveViewer } from '@/lib/access/archive-access';
import { clientRateLimitKeys, getSessionUser } from '@/lib/auth';
import { verifyUploadedPdf } from '@/lib/archive/verify-uploaded-pdf';
import { db } from '@/lib/db';
import { readUploadBody } from '@/lib/documents/read-upload-body';
import { env } from '@/lib/env';
import { AppError, toHttpError } from '@/lib/errors';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';
import { enforceRateLimit } from '@/lib/rate-limit';

export const runtime = 'nodejs';

/**
 * POST /api/archive/verify — the body is the PDF itself (streamed, refused with 413 past
 * UPLOAD_MAX_BYTES before it is buffered, never stored). Outside the proxy (which would
 * buffer the body), so it checks origin itself, like the agreement upload.
 */
export async function POST(request: Request) {
  try {
    if (requestHygieneProblem(request.method, request.headers))
      throw new AppError('FORBIDDEN', 'Cross-origin uploads are refused.', undefined, { reason: 'cross-origin-refused' });
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    enforceRateLimit('upload', [`user:${user.id}`, ...clientRateLimitKeys(request.headers)]);
    // Refuse members before reading a byte of their body.
    await requireArchiveViewer(db, { userId: user.id });
    const bytes = await readUploadBody(request.body, request.headers.get('content-length'), env.UPLOAD_MAX_BYTES);
    const result = await verifyUploadedPdf({ userId: user.id, bytes });
    return Response.json({ result }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: status === 413 ? { Connection: 'close' } : undefined });
  }
}
