import { headers } from 'next/headers';
import { z } from 'zod';
import { clientRateLimitKeys, getSessionUser } from '@/lib/auth';
import { AppError, toHttpError } from '@/lib/errors';
import { createRoomToken } from '@/lib/live/create-room-token';
import { enforceRateLimit } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** POST → { serverUrl, token } for the caller in this ceremony's LiveKit room. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const params = paramsSchema.safeParse(await context.params);
    if (!params.success) throw new AppError('NOT_FOUND', 'Ceremony not found', undefined, { reason: 'ceremony-not-found' });
    enforceRateLimit('livekit-token', [`user:${user.id}`, ...clientRateLimitKeys(await headers())]);
    const token = await createRoomToken({ ceremonyId: params.data.id, userId: user.id });
    return Response.json(token, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}
