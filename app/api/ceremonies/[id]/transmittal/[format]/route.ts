import { contentDisposition } from '@/lib/archive/content-disposition';
import { getSessionUser } from '@/lib/auth';
import { AppError, toHttpError } from '@/lib/errors';
import { enforceDownloadRateLimit } from '@/lib/rate-limit';
import { buildTransmittal } from '@/lib/protocol/build-transmittal';

export const runtime = 'nodejs';

/** GET /api/ceremonies/:id/transmittal/pdf|json — the transmittal to the records office (organiser, after conclusion). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    enforceDownloadRateLimit(user.id);
    const { id: ceremonyId, format } = await params;
    if (format !== 'pdf' && format !== 'json') throw new AppError('NOT_FOUND', 'Unknown format.', undefined, { reason: 'transmittal-format-unknown' });
    const { json, pdf } = await buildTransmittal({ ceremonyId, userId: user.id });
    const bytes = format === 'pdf' ? pdf : new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
        'Content-Length': String(bytes.byteLength),
        'Content-Disposition': contentDisposition(`transmittal-${ceremonyId}.${format}`),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
  }
}
