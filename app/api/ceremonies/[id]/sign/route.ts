import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientRateLimitKeys, evidenceClientAddressFrom, getSessionUser } from '@/lib/auth';
import { AppError, toHttpError } from '@/lib/errors';
import { enforceRateLimit } from '@/lib/rate-limit';
import { signatureCaptureSchema } from '@/lib/signing/sign-agreement';
import { confirmedConsentSchema, signMyTurn, viewedDocumentsSchema } from '@/lib/signing/sign-my-turn';

export const runtime = 'nodejs';

const signRequestSchema = z.object({
  idempotencyKey: z.string().regex(/^[\w-]{8,60}$/),
  capture: signatureCaptureSchema,
  // Optional here so that a request out of turn still hears why; signMyTurn refuses a due confirmation without them.
  viewed: viewedDocumentsSchema.optional(),
  consent: confirmedConsentSchema.optional(),
});

/** A signatory confirms their signature: every document it is their turn on is signed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    // Archivists never sign: refused as such (403), not as strangers to the ceremony (404).
    if (user.globalRole === 'archivist') throw new AppError('FORBIDDEN', 'Archivists cannot sign.', undefined, { reason: 'archivist-cannot-sign' });
    const { id: ceremonyId } = await params;
    enforceRateLimit('sign', [`user:${user.id}`, ...clientRateLimitKeys(request.headers)]);
    const ipAddress = evidenceClientAddressFrom(request.headers);
    const parsed = signRequestSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid signature request', undefined, { reason: 'sign-request-invalid' });
    const result = await signMyTurn({ ceremonyId, userId: user.id, ...parsed.data, ipAddress, userAgent: request.headers.get('user-agent') ?? '' });
    return NextResponse.json(result, { status: 201 });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status });
  }
}
