import { z } from 'zod';
import { getSessionUser } from '@/lib/auth';
import { AppError, toHttpError } from '@/lib/errors';
import { loadLobby } from '@/lib/live/load-lobby';
import { requestToJoin } from '@/lib/live/request-to-join';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
type Context = { params: Promise<{ id: string }> };

async function caller(context: Context) {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) throw new AppError('NOT_FOUND', 'Ceremony not found', undefined, { reason: 'ceremony-not-found' });
  return { ceremonyId: params.data.id, userId: user.id };
}

function failure(error: unknown) {
  const { status, body } = toHttpError(error);
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** GET → the lobby as the caller may see it (polled while waiting). */
export async function GET(_request: Request, context: Context) {
  try {
    return Response.json(await loadLobby(await caller(context)), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return failure(error);
  }
}

/** POST → "I am here": records the arrival; says whether the caller may go in. */
export async function POST(_request: Request, context: Context) {
  try {
    return Response.json(await requestToJoin(await caller(context)), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return failure(error);
  }
}
