import { z } from 'zod';
import { AppError } from '@/lib/errors';

const emailSchema = z.email().max(254);

/**
 * The address a magic link goes to, exactly as Auth.js's email provider derives it
 * (@auth/core `defaultNormalizer`: NFKC, lower case, trimmed, whatever follows a comma in
 * the domain dropped). Rate limits count this address, and an address Auth.js would
 * rewrite into another one (`victim@x.com,1` → `victim@x.com`, a full-width `＠`) is
 * refused: otherwise each spelling would be a fresh bucket for the same mailbox.
 * Also the provider's normalizeIdentifier, so both always agree.
 */
export function normalizeSignInEmail(raw: unknown): string {
  if (typeof raw !== 'string') throw invalid();
  const typed = raw.trim().toLowerCase();
  const normalized = raw.normalize('NFKC').toLowerCase().trim();
  if (normalized !== typed || normalized.includes('"') || normalized.includes(',')) throw invalid();
  const parts = normalized.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalid();
  if (!emailSchema.safeParse(normalized).success) throw invalid();
  return normalized;
}

function invalid(): AppError {
  return new AppError('INVALID_INPUT', 'This is not an email address a sign-in link can be sent to.', { email: 'invalidEmail' }, { reason: 'email-invalid' });
}
