import 'server-only';
import { requireAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { parsePageSizes } from '@/lib/documents/validate-field-placement';
import { loadPlanInputs } from '@/lib/scheduling/load-plan-inputs';

/**
 * Everything the organiser's planning screens show (details, people, documents, fields,
 * invitations, checklist, plan), loaded with the caller's visibility:
 * a stranger gets NOT_FOUND (thrown), a participant who is not an organiser gets
 * `{ state: 'forbidden' }`, an organiser `{ state: 'ready', … }`.
 */
export async function loadCeremonyWorkspace({ ceremonyId, userId, now = new Date() }: { ceremonyId: string; userId: string; now?: Date }) {
  try {
    await requireAccess(db, { ceremonyId, userId }, 'manage-ceremony');
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { state: 'forbidden' as const, ceremonyId };
    throw error;
  }
  const ceremony = await db.ceremony.findUnique({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      description: true,
      placeName: true,
      state: true,
      scheduledStart: true,
      scheduledEnd: true,
      timeZone: true,
      icsSequence: true,
      invitationsSentAt: true,
      signingOrder: true,
      signingConsent: true,
      delegations: {
        orderBy: { position: 'asc' },
        select: { id: true, name: true, country: true, capitalName: true, capitalTimeZone: true, defaultLocale: true, position: true },
      },
      participants: {
        where: { removedAt: null },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          role: true,
          displayName: true,
          title: true,
          delegationId: true,
          userId: true,
          user: { select: { email: true, locale: true, emailVerified: true } },
        },
      },
      documents: {
        where: { specimen: false },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          title: true,
          language: true,
          fileName: true,
          authentic: true,
          originalForDelegationId: true,
          originalSha256: true,
          originalByteSize: true,
          pageCount: true,
          pageSizes: true,
          createdAt: true,
          _count: { select: { revisions: true } },
          fields: {
            orderBy: { position: 'asc' },
            select: { id: true, participantId: true, kind: true, page: true, x: true, y: true, width: true, height: true, signatureId: true },
          },
        },
      },
      mails: {
        where: { kind: { not: 'magic-link' } },
        orderBy: { createdAt: 'desc' },
        take: 200,
        select: { id: true, toEmail: true, kind: true, locale: true, subject: true, createdAt: true, deliveredAt: true, error: true, dedupeKey: true },
      },
    },
  });
  if (!ceremony) throw new AppError('NOT_FOUND', 'Ceremony not found', undefined, { reason: 'ceremony-not-found' });
  const planInputs = await loadPlanInputs(db, ceremonyId, now);
  return {
    state: 'ready' as const,
    me: { userId },
    ceremony: {
      ...ceremony,
      documents: ceremony.documents.map(({ pageSizes, _count, ...document }) => ({
        ...document,
        pages: parsePageSizes(pageSizes),
        prepared: _count.revisions > 1,
      })),
    },
    checklist: planInputs.checklist,
    plan: planInputs.plan,
    signingOrder: planInputs.signingOrder,
  };
}
