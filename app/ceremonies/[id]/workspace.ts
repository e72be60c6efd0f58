import { notFound } from 'next/navigation';
import { requireSessionUser } from '@/lib/auth';
import { loadCeremonyWorkspace } from '@/lib/ceremonies/load-ceremony-workspace';
import { isAppError } from '@/lib/errors';

/** The organiser pages' one loader call: a stranger sees the 404 page. */
export async function workspaceForPage(ceremonyId: string, path: string) {
  const user = await requireSessionUser(`/ceremonies/${ceremonyId}${path}`);
  return loadCeremonyWorkspace({ ceremonyId, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
}
