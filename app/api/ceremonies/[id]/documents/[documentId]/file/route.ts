import { getSessionUser } from '@/lib/auth';
import { loadOriginalDocument } from '@/lib/documents/load-original-document';
import { AppError, toHttpError } from '@/lib/errors';
import { enforceDownloadRateLimit } from '@/lib/rate-limit';

export const runtime = 'nodejs';

/** The uploaded original, for the page viewer (participants only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    enforceDownloadRateLimit(user.id);
    const { id: ceremonyId, documentId } = await params;
    const file = await loadOriginalDocument({ ceremonyId, documentId, userId: user.id });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(file.bytes.byteLength),
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status });
  }
}
