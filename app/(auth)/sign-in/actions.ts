'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestClientRateLimitKeys, signIn } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { safeRedirectPath } from '@/lib/http/safe-redirect-path';
import { enforceRateLimit } from '@/lib/rate-limit';
import { normalizeSignInEmail } from '@/lib/users/normalize-sign-in-email';

export type SignInFormState = { error?: 'invalidEmail' | 'RATE_LIMITED'; email?: string };

const signInSchema = z.object({
  email: z.string().transform((email, ctx) => {
    try {
      return normalizeSignInEmail(email);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalidEmail' });
      return z.NEVER;
    }
  }),
  callbackUrl: z.unknown().transform((url) => safeRedirectPath(url)),
});

export async function requestMagicLink(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const parsed = signInSchema.safeParse({ email: String(formData.get('email') ?? ''), callbackUrl: formData.get('callbackUrl') ?? '/' });
  if (!parsed.success) return { error: 'invalidEmail', email: String(formData.get('email') ?? '') };
  try {
    enforceRateLimit('magic-link', [`address:${parsed.data.email}`, ...(await requestClientRateLimitKeys())]);
  } catch (error) {
    if (isAppError(error) && error.code === 'RATE_LIMITED') return { error: 'RATE_LIMITED', email: parsed.data.email };
    throw error;
  }
  await signIn('nodemailer', { email: parsed.data.email, redirectTo: parsed.data.callbackUrl, redirect: false });
  redirect('/check-email');
}
