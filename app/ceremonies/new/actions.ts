'use server';

import { redirect } from 'next/navigation';
import type { FormResult } from '@/lib/actions/action-result';
import { invalidInput, runAction } from '@/lib/actions/run-action';
import { createCeremony } from '@/lib/ceremonies/create-ceremony';
import { createCeremonySchema } from '@/lib/ceremonies/schemas';
import { formValues } from '@/lib/forms/field-errors';

export async function createCeremonyAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  const result = await runAction(
    async (userId) => {
      const parsed = createCeremonySchema.safeParse(values);
      if (!parsed.success) throw invalidInput(parsed.error);
      return createCeremony({ userId, ...parsed.data });
    },
    { values },
  );
  if (!result.ok) return result;
  redirect(`/ceremonies/${result.id}/people`);
}
