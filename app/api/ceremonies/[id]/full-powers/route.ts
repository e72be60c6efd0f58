import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientRateLimitKeys, getSessionUser } from '@/lib/auth';
import { readUploadBody } from '@/lib/documents/read-upload-body';
import { env } from '@/lib/env';
import { AppError, toHttpError } from '@/lib/errors';
import { requestHygieneProblem } from '@/lib/http/request-hygiene';
import { authorizeFullPowersSubmission, submitFullPowers } from '@/lib/protocol/submit-full-powers';
import { enforceRateLimit } from '@/lib/rate-limit';

export const runtime = 'nodejs';

const querySchema = z.object({ participantId: z.string().min(1).max(64), fileName: z.string().trim().max(200).default('full-powers.pdf') });

/**
 * Upload a signatory's full-powers letter (the body is the PDF, streamed and never over
 * UPLOAD_MAX_BYTES in memory). Outside the proxy, which would buffer the body: it checks
 * origin itself. The use-case decides who may (organiser, or the signatory themself).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (requestHygieneProblem(request.method, request.headers))
      throw new AppError('FORBIDDEN', 'Cross-origin uploads are refused.', undefined, { reason: 'cross-origin-refused' });
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId } = await params;
    enforceRateLimit('upload', [`user:${user.id}`, ...clientRateLimitKeys(request.headers)]);
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError('INVALID_INPUT', 'Please say whose full powers these are.', undefined, { reason: 'full-powers-whose-missing' });
    await authorizeFullPowersSubmission({ ceremonyId, userId: user.id, participantId: query.data.participantId });
    const bytes = await readUploadBody(request.body, request.headers.get('content-length'), env.UPLOAD_MAX_BYTES);
    const record = await submitFullPowers({ ceremonyId, userId: user.id, ...query.data, bytes });
    return NextResponse.json({ fullPowers: record }, { status: 201 });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status, headers: status === 413 ? { Connection: 'close' } : undefined });
  }
}
