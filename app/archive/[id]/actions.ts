'use server';

import { revalidatePath } from 'next/cache';
import type { FormResult } from '@/lib/actions/action-result';
import { invalidInput, runAction } from '@/lib/actions/run-action';
import { liftLegalHold } from '@/lib/archive/lift-legal-hold';
import { legalHoldSchema } from '@/lib/archive/schemas';
import { setLegalHold } from '@/lib/archive/set-legal-hold';
import { formValues } from '@/lib/forms/field-errors';

/** Thin glue for the legal hold form: authenticate, parse, set or lift (one use-case each), refresh. */
export async function updateLegalHoldAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  const intent = values.intent === 'lift' ? 'lift' : 'set';
  return runAction(
    async (userId) => {
      const parsed = legalHoldSchema.safeParse(values);
      if (!parsed.success) throw invalidInput(parsed.error);
      const input = { ...parsed.data, userId };
      await (intent === 'lift' ? liftLegalHold(input) : setLegalHold(input));
      revalidatePath(`/archive/${parsed.data.ceremonyId}`);
      revalidatePath('/archive');
      return { values: { intent } };
    },
    { values },
  );
}
