import type { NextRequest } from 'next/server';
import { clientRateLimitKeys, handlers } from '@/lib/auth';
import { toHttpError } from '@/lib/errors';
import { enforceRateLimit } from '@/lib/rate-limit';

export const GET = handlers.GET;

/** Auth.js's own sign-in endpoint is rate-limited like the sign-in form. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/signin/nodemailer')) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '').trim().toLowerCase();
    try {
      enforceRateLimit('magic-link', [`address:${email}`, ...clientRateLimitKeys(request.headers)]);
    } catch (error) {
      const { status, body } = toHttpError(error);
      return Response.json(body, { status });
    }
  }
  return handlers.POST(request);
}
