import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { sha256Hex } from '@/lib/crypto/sha256';

/**
 * A one-time magic link for a demo user, minted the way Auth.js stores its email tokens
 * (SHA-256 of token + secret). Development tooling only: refused unless dev tools are on.
 */
export async function createDevelopmentSignInLink({ email, validForHours = 24 }: { email: string; validForHours?: number }): Promise<string> {
  if (!env.ACCORD_DEV_TOOLS)
    throw new AppError('FORBIDDEN', 'Development sign-in links are disabled (ACCORD_DEV_TOOLS is off).', undefined, { reason: 'dev-tools-off' });
  const token = randomBytes(32).toString('hex');
  await db.verificationToken.create({
    data: {
      identifier: email,
      token: sha256Hex(`${token}${env.AUTH_SECRET}`),
      expires: new Date(Date.now() + validForHours * 3_600_000),
    },
  });
  const url = new URL('/api/auth/callback/nodemailer', env.APP_URL);
  url.search = new URLSearchParams({ callbackUrl: `${env.APP_URL}/`, token, email }).toString();
  return url.toString();
}
