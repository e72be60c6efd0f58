import type { NextRequest } from 'next/server';
import { clientRateLimitKeys, handlers } from '@/lib/auth';
import { toHttpError } from '@/lib/errors';
import { enforceRateLimit } from '@/lib/rate-limit';
import { normalizeSignInEmail } from '@/lib/users/normalize-sign-in-email';

export const GET = handlers.GET;

/**
 * Auth.js's own sign-in endpoint is rate-limited like the sign-in form. Auth.js ignores
 * empty path segments (`/signin/nodemailer/`), so the path is read the way it reads it, and
 * any request carrying an address is checked.
 */
export async function POST(request: NextRequest) {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const segments = request.nextUrl.pathname.split('/').filter(Boolean);
  if ((segments.at(-2) === 'signin' && segments.at(-1) === 'nodemailer') || form?.has('email')) {
    try {
      const email = normalizeSignInEmail(form?.get('email'));
      enforceRateLimit('magic-link', [`address:${email}`, ...clientRateLimitKeys(request.headers)]);
    } catch (error) {
      const { status, body } = toHttpError(error);
      return Response.json(body, { status });
    }
  }
  return handlers.POST(request);
}
