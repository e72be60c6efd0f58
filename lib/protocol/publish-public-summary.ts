import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { lockForUpdate, transaction } from '@/lib/db';

/**
 * After conclusion the organiser publishes (or withdraws) the public summary page:
 * title, parties, signatories, date and place in both capitals, and the photo still if
 * one was uploaded. Nothing else of the ceremony becomes public.
 */
export async function publishPublicSummary({
  ceremonyId,
  userId,
  publish,
  now = new Date(),
}: {
  ceremonyId: string;
  userId: string;
  publish: boolean;
  now?: Date;
}) {
  return transaction(async (tx) => {
    await lockForUpdate(tx, `ceremony:${ceremonyId}`);
    const { ceremony } = await requireAccess(tx, { ceremonyId, userId }, 'publish-summary');
    if (publish === (ceremony.publicSummaryPublishedAt !== null)) return { published: publish, changed: false };
    await tx.ceremony.update({ where: { id: ceremonyId }, data: { publicSummaryPublishedAt: publish ? now : null } });
    await appendAuditEvent(tx, {
      ceremonyId,
      actorUserId: userId,
      kind: publish ? 'public-summary.published' : 'public-summary.withdrawn',
      payload: {},
      at: now,
    });
    return { published: publish, changed: true };
  });
}
