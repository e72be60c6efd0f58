'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getSessionUser, signOut } from '@/lib/auth';
import { languagePreferenceSchema, setLanguagePreference } from '@/lib/users/set-language-preference';
import { localeCookieName } from '@/lib/i18n/locales';

export async function changeLanguage(formData: FormData): Promise<void> {
  const parsed = languagePreferenceSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  const cookieStore = await cookies();
  cookieStore.set(localeCookieName, parsed.data.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  const user = await getSessionUser();
  if (user) await setLanguagePreference({ userId: user.id, locale: parsed.data.locale });
  revalidatePath('/', 'layout');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
