'use server';

import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth';
import { createCeremony } from '@/lib/ceremonies/create-ceremony';
import { createCeremonySchema } from '@/lib/ceremonies/schemas';
import { fieldErrorsFromZod, formStateFromError, formValues, type FormState } from '@/lib/forms/field-errors';

export async function createCeremonyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: 'UNAUTHENTICATED' };
  const values = formValues(formData);
  const parsed = createCeremonySchema.safeParse(values);
  if (!parsed.success) return { error: 'INVALID_INPUT', fieldErrors: fieldErrorsFromZod(parsed.error), values };
  let ceremonyId: string;
  try {
    ({ id: ceremonyId } = await createCeremony({ userId: user.id, ...parsed.data }));
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect(`/ceremonies/${ceremonyId}/people`);
}
