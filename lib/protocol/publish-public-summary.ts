import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { requireOrganiser } from '@/lib/ceremonies/require-organiser';
import { lockForUpdate, transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * After conclusion the organiser publishes (or withdraws) the public summary page:
 * title, parties, signatories, date and place in both capitals, and the photo still if
 * one was uploaded. Nothing else of the ceremony becomes public.
 */
export async function publishPublicSummary({ ceremonyId, userId, publish, now = new Date() }: { ceremonyId: string; userId: string; publish: boolean; now?: Date }) {
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony } = await requireOrganiser(tx, { ceremonyId, userId });
    if (ceremony.state !== 'CONCLUDED' && ceremony.state !== 'ARCHIVED') throw new AppError('INVALID_STATE', 'The public summary can be published once the ceremony is concluded.');
    if (publish === (ceremony.publicSummaryPublishedAt !== null)) return { published: publish, changed: false };
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { publicSummaryPublishedAt: publish ? now : null } });
    await appendAuditEvent(tx, { ceremonyId, actorUserId: userId, kind: publish ? 'public-summary.published' : 'public-summary.withdrawn', payload: {}, at: now });
    return { published: publish, changed: true };
  });
}
