import { contentDisposition } from '@/lib/archive/content-disposition';
import { getSessionUser } from '@/lib/auth';
import { loadLatestRevision } from '@/lib/documents/load-latest-revision';
import { AppError, toHttpError } from '@/lib/errors';

export const runtime = 'nodejs';

/** `"<sha256>"` (or W/"…") from If-None-Match; anything else is no match. */
function knownSha256(request: Request): string | null {
  const match = /^(?:W\/)?"([0-9a-f]{64})"$/.exec(request.headers.get('if-none-match')?.trim() ?? '');
  return match?.[1] ?? null;
}

/**
 * GET the newest revision of an agreement document, signatures and all, for the room's
 * viewer (participants only; the press once pages are released). ETag = the revision's
 * SHA-256, so the browser revalidates and gets 304 until a new revision lands.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId, documentId } = await params;
    const latest = await loadLatestRevision({ ceremonyId, documentId, userId: user.id, knownSha256: knownSha256(request) });
    const headers = {
      ETag: `"${latest.sha256}"`,
      'Cache-Control': 'private, no-cache',
      'X-Accord-Revision': String(latest.number),
    };
    if (latest.kind === 'unchanged') return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(latest.bytes), {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Length': String(latest.bytes.byteLength),
        'Content-Disposition': contentDisposition(latest.fileName, 'inline'),
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
  }
}
