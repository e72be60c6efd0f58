import 'server-only';
import { requireArchiveViewer } from '@/lib/access/archive-access';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';

/** The verify page: open to archivists and organisers, with the upload limit it enforces. */
export async function loadVerifyPage({ userId }: { userId: string }) {
  try {
    const viewer = await requireArchiveViewer(db, { userId });
    return { kind: 'ready' as const, viewer: viewer.kind, maxBytes: env.UPLOAD_MAX_BYTES };
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { kind: 'forbidden' as const };
    throw error;
  }
}
