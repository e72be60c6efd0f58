import 'server-only';
import { isIn, OPEN_STATES } from '@/lib/access/access-sets';
import { decideAccess } from '@/lib/access/decide-access';
import { assertAccess, loadAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';

export interface FullPowersRecordView {
  id: string;
  fileName: string;
  sha256: string;
  status: 'pending' | 'approved' | 'rejected';
  uploadedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewReason: string | null;
  /** The viewer may approve or reject it: an organiser of another party, while it is pending. */
  mayReview: boolean;
}

export interface SignatoryFullPowers {
  participantId: string;
  name: string;
  title: string;
  delegation: string | null;
  /** Who examines them: the other parties' names. */
  reviewers: string[];
  latest: FullPowersRecordView | null;
  history: FullPowersRecordView[];
  /** The viewer may upload a letter for this signatory (organiser, or the signatory themself). */
  mayUpload: boolean;
}

/**
 * The full-powers screen: organisers see every signatory's letters, a signatory their own;
 * organisers of another party may examine pending letters. Other participants get
 * `{ state: 'forbidden' }`, strangers NOT_FOUND (thrown).
 */
export async function loadFullPowers({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  const access = await loadAccess(db, { ceremonyId, userId });
  const decision = decideAccess(access.context, 'view-full-powers');
  if (!decision.allowed && decision.code === 'FORBIDDEN') return { state: 'forbidden' as const, ceremonyId };
  assertAccess(access.context, 'view-full-powers');
  const me = access.participant!;
  const ceremony = await db.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      state: true,
      scheduledStart: true,
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { removedAt: null, role: 'signatory', ...(me.role === 'signatory' ? { id: me.id } : {}) },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          displayName: true,
          title: true,
          delegationId: true,
          fullPowers: {
            orderBy: { createdAt: 'desc' },
            select: { id: true, fileName: true, sha256: true, status: true, createdAt: true, reviewedAt: true, reviewedById: true, reviewReason: true },
          },
        },
      },
    },
  });
  const reviewerIds = [...new Set(ceremony.participants.flatMap((p) => p.fullPowers.map((f) => f.reviewedById)).filter((id): id is string => id !== null))];
  const reviewers = new Map(
    (await db.participant.findMany({ where: { ceremonyId, userId: { in: reviewerIds } }, select: { userId: true, displayName: true } })).map((p) => [
      p.userId,
      p.displayName,
    ]),
  );
  const open = isIn(OPEN_STATES, ceremony.state);
  const delegationName = new Map(ceremony.delegations.map((d) => [d.id, d.name]));
  const signatories: SignatoryFullPowers[] = ceremony.participants.map((signatory) => {
    const records = signatory.fullPowers.map((record): FullPowersRecordView => ({
      id: record.id,
      fileName: record.fileName,
      sha256: record.sha256,
      status: record.status as FullPowersRecordView['status'],
      uploadedAt: record.createdAt.toISOString(),
      reviewedAt: record.reviewedAt?.toISOString() ?? null,
      reviewedBy: record.reviewedById ? (reviewers.get(record.reviewedById) ?? null) : null,
      reviewReason: record.reviewReason,
      // A neutral organiser (no delegation) may examine too (the use-case allows it), but the screen offers it to the parties' organisers.
      mayReview:
        me.delegationId !== null &&
        decideAccess(access.context, 'approve-full-powers', { delegationId: signatory.delegationId }).allowed &&
        record.status === 'pending',
    }));
    // Only the newest letter counts; an older pending one can no longer be examined.
    records.slice(1).forEach((record) => (record.mayReview = false));
    return {
      participantId: signatory.id,
      name: signatory.displayName,
      title: signatory.title,
      delegation: signatory.delegationId ? (delegationName.get(signatory.delegationId) ?? null) : null,
      reviewers: ceremony.delegations.filter((d) => d.id !== signatory.delegationId).map((d) => d.name),
      latest: records[0] ?? null,
      history: records.slice(1),
      mayUpload: open && (me.role === 'organiser' || me.id === signatory.id),
    };
  });
  return {
    state: 'ready' as const,
    myRole: me.role as 'organiser' | 'signatory',
    ceremony: { id: ceremony.id, title: ceremony.title, state: ceremony.state, scheduledStart: ceremony.scheduledStart, delegations: ceremony.delegations },
    signatories,
  };
}
