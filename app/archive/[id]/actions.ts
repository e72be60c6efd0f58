'use server';

import { revalidatePath } from 'next/cache';
import { liftLegalHold } from '@/lib/archive/lift-legal-hold';
import { legalHoldSchema } from '@/lib/archive/schemas';
import { setLegalHold } from '@/lib/archive/set-legal-hold';
import { getSessionUser } from '@/lib/auth';
import { fieldErrorsFromZod, formStateFromError, formValues, type FormState } from '@/lib/forms/field-errors';

/** Thin glue for the legal hold form: authenticate, parse, set or lift (one use-case each), refresh. */
export async function updateLegalHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: 'UNAUTHENTICATED' };
  const values = formValues(formData);
  const intent = values.intent === 'lift' ? 'lift' : 'set';
  const parsed = legalHoldSchema.safeParse(values);
  if (!parsed.success) return { error: 'INVALID_INPUT', fieldErrors: fieldErrorsFromZod(parsed.error), values };
  try {
    const input = { ...parsed.data, userId: user.id };
    await (intent === 'lift' ? liftLegalHold(input) : setLegalHold(input));
    revalidatePath(`/archive/${parsed.data.ceremonyId}`);
    revalidatePath('/archive');
    return { ok: true, values: { intent } };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
