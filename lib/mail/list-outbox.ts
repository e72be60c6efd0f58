import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';

/** The development outbox: only when dev tools are on (never in production by default). */
export async function listOutbox({ limit = 100 }: { limit?: number } = {}) {
  if (!env.ACCORD_DEV_TOOLS) throw new AppError('NOT_FOUND', 'Not found');
  return db.mailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, toEmail: true, subject: true, textBody: true, createdAt: true, kind: true },
  });
}
