import 'server-only';
import { parseArchiveSearch } from '@/lib/archive/schemas';
import { searchArchive } from '@/lib/archive/search-archive';
import { isAppError } from '@/lib/errors';

/** The archive's search page: results for the URL's search, or "not for you". */
export async function loadArchiveSearchPage({
  userId,
  params,
  timeZone,
}: {
  userId: string;
  params: Record<string, string | string[] | undefined>;
  timeZone: string;
}) {
  const { search, fieldErrors } = parseArchiveSearch(params);
  try {
    const results = await searchArchive({ userId, search, timeZone });
    return { kind: 'results' as const, search, fieldErrors, results };
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { kind: 'forbidden' as const };
    throw error;
  }
}
