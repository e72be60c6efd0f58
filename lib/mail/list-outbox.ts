import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';

/**
 * The development outbox: only when dev tools are on (in production only when set on
 * purpose), and only for a signed-in user, since it holds everyone's sign-in links.
 */
export async function listOutbox({ userId, limit = 100 }: { userId: string | null; limit?: number }) {
  if (!env.ACCORD_DEV_TOOLS) throw new AppError('NOT_FOUND', 'Not found');
  if (!userId || !(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  }
  return db.mailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, toEmail: true, subject: true, textBody: true, createdAt: true, kind: true },
  });
}
