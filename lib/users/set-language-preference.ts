import 'server-only';
import { z } from 'zod';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales, type Locale } from '@/lib/i18n/locales';

export const languagePreferenceSchema = z.object({ locale: z.enum(locales) });

/** Saves a signed-in user's UI and mail language. */
export async function setLanguagePreference({ userId, locale }: { userId: string; locale: Locale }): Promise<void> {
  const parsed = languagePreferenceSchema.safeParse({ locale });
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `Unsupported language "${locale}"`, undefined, { reason: 'language-unsupported', params: { locale: String(locale) } });
  await transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { locale: parsed.data.locale } });
    await appendAuditEvent(tx, { actorUserId: userId, kind: 'user.language-changed', payload: { locale: parsed.data.locale } });
  });
}
