import 'server-only';
import { requireOrganiser } from '@/lib/ceremonies/require-organiser';
import { db } from '@/lib/db';
import { assertPlanEditable } from '@/lib/delegations/assert-plan-editable';

/**
 * Checked before the upload route reads a single byte of the body: only an organiser of
 * this ceremony, while its plan can still change. (The store re-checks in its transaction.)
 */
export async function authorizeDocumentUpload({ ceremonyId, userId }: { ceremonyId: string; userId: string }): Promise<void> {
  const { ceremony } = await requireOrganiser(db, { ceremonyId, userId });
  assertPlanEditable(ceremony.state);
}
