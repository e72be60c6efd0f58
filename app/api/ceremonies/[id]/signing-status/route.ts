import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth';
import { AppError, toHttpError } from '@/lib/errors';
import { loadSigningStatus } from '@/lib/signing/load-signing-status';

export const dynamic = 'force-dynamic';

/** The signing panel's state; the room refetches it on every state message and reconnect. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    const { id: ceremonyId } = await params;
    return NextResponse.json(await loadSigningStatus({ ceremonyId, userId: user.id }), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return NextResponse.json(body, { status });
  }
}
