'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestClientRateLimitKeys, signIn } from '@/lib/auth';
import type { FormResult } from '@/lib/actions/action-result';
import { actionFailure, failureOf } from '@/lib/actions/run-action';
import { safeRedirectPath } from '@/lib/http/safe-redirect-path';
import { enforceRateLimit } from '@/lib/rate-limit';
import { normalizeSignInEmail } from '@/lib/users/normalize-sign-in-email';

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

/** Signed out by nature, so not runAction: the same result type, without a session. */
export async function requestMagicLink(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const email = String(formData.get('email') ?? '');
  const parsed = signInSchema.safeParse({ email, callbackUrl: formData.get('callbackUrl') ?? '/' });
  if (!parsed.success)
    return actionFailure('INVALID_INPUT', 'This is not an email address a sign-in link can be sent to.', {
      fieldErrors: { email: 'invalidEmail' },
      values: { email },
    });
  try {
    enforceRateLimit('magic-link', [`address:${parsed.data.email}`, ...(await requestClientRateLimitKeys())]);
  } catch (error) {
    return failureOf(error, { email: parsed.data.email });
  }
  await signIn('nodemailer', { email: parsed.data.email, redirectTo: parsed.data.callbackUrl, redirect: false });
  redirect('/check-email');
}
