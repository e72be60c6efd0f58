import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';

/**
 * Checked before the upload route reads a single byte of the body: only an organiser of
 * this ceremony, while its plan can still change. (The store re-checks in its transaction.)
 */
export async function authorizeDocumentUpload({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<void> {
  await requireAccess(db, { ceremonyId, userId }, 'manage-documents');
}
