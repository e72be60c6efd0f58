import { NextResponse } from 'next/server';
import { clientRateLimitKeys, getSessionUser } from '@/lib/auth';
import { readUploadBody } from '@/lib/documents/read-upload-body';
import { AppError, toHttpError } from '@/lib/errors';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';
import { authorizeSummaryPhotoUpload, SUMMARY_PHOTO_MAX_BYTES, uploadSummaryPhoto } from '@/lib/protocol/upload-summary-photo';
import { enforceRateLimit } from '@/lib/rate-limit';

export const runtime = 'nodejs';

/**
 * The organiser uploads the public summary's photo still (PNG or JPEG, the body itself,
 * streamed and cut off at the limit). Outside the proxy, which would buffer the body.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (requestHygieneProblem(request.method, request.headers))
      throw new AppError('FORBIDDEN', 'Cross-origin uploads are refused.', undefined, { reason: 'cross-origin-refused' });
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId } = await params;
    enforceRateLimit('upload', [`user:${user.id}`, ...clientRateLimitKeys(request.headers)]);
    await authorizeSummaryPhotoUpload({ ceremonyId, userId: user.id });
    const bytes = await readUploadBody(request.body, request.headers.get('content-length'), SUMMARY_PHOTO_MAX_BYTES);
    const photo = await uploadSummaryPhoto({ ceremonyId, userId: user.id, bytes });
    return NextResponse.json({ photo }, { status: 201 });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status, headers: status === 413 ? { Connection: 'close' } : undefined });
  }
}
