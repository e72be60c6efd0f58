import { NextResponse } from 'next/server';
import { clientRateLimitKeys, getSessionUser } from '@/lib/auth';
import { authorizeDocumentUpload } from '@/lib/documents/authorize-document-upload';
import { readUploadBody } from '@/lib/documents/read-upload-body';
import { uploadMetadataSchema } from '@/lib/documents/schemas';
import { uploadAgreementDocument } from '@/lib/documents/upload-agreement-document';
import { env } from '@/lib/env';
import { AppError, toHttpError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';
import { enforceRateLimit } from '@/lib/rate-limit';

export const runtime = 'nodejs';

/**
 * Upload one language version of the agreement. The body is the PDF itself (streamed,
 * never over UPLOAD_MAX_BYTES in memory); its details come as query parameters. This route
 * is outside the proxy (which would buffer the body), so it checks origin itself.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (requestHygieneProblem(request.method, request.headers))
      throw new AppError('FORBIDDEN', 'Cross-origin uploads are refused.', undefined, { reason: 'cross-origin-refused' });
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId } = await params;
    enforceRateLimit('upload', [`user:${user.id}`, ...clientRateLimitKeys(request.headers)]);
    const metadata = uploadMetadataSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!metadata.success) throw new AppError('INVALID_INPUT', 'Please check the document details.', fieldErrorsFromZod(metadata.error));
    await authorizeDocumentUpload({ ceremonyId, userId: user.id });
    const bytes = await readUploadBody(request.body, request.headers.get('content-length'), env.UPLOAD_MAX_BYTES);
    const document = await uploadAgreementDocument({ ceremonyId, userId: user.id, bytes, ...metadata.data });
    return NextResponse.json({ document }, { status: 201 });
  } catch (error) {
    const { status, body } = toHttpError(error);
    // An early refusal leaves the rest of the body unread: close the connection after answering.
    return NextResponse.json(body, { status, headers: status === 413 ? { Connection: 'close' } : undefined });
  }
}
