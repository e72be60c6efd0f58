import 'server-only';
import { SIGNING_ROLES } from '@/lib/access/access-sets';
import { requireArchiveViewer, visibleCeremoniesFilter } from '@/lib/access/archive-access';
import { ARCHIVE_PAGE_SIZE, type ArchiveSearch } from '@/lib/archive/schemas';
import { db, type Prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time/format-instant';

/**
 * Case-insensitive "contains" on both databases: PostgreSQL needs `mode: 'insensitive'`;
 * SQLite's LIKE already ignores ASCII case and knows no `mode` (the shared client type is
 * SQLite's, hence the cast).
 */
function containsText(text: string): Prisma.StringFilter {
  return (env.databaseProvider === 'postgresql' ? { contains: text, mode: 'insensitive' } : { contains: text }) as Prisma.StringFilter;
}

const orderBy: Record<ArchiveSearch['sort'], Prisma.CeremonyOrderByWithRelationInput[]> = {
  'concluded-desc': [{ concludedAt: 'desc' }, { id: 'asc' }],
  'concluded-asc': [{ concludedAt: 'asc' }, { id: 'asc' }],
  'title-asc': [{ title: 'asc' }, { id: 'asc' }],
  'title-desc': [{ title: 'desc' }, { id: 'asc' }],
};

/**
 * Concluded ceremonies the caller may see, matching a free text (the ceremony's title, an
 * agreement's title, a party, a signatory) and a range of conclusion days in the viewer's
 * time zone; sorted and paginated by the database.
 */
export async function searchArchive({
  userId,
  search,
  timeZone,
  pageSize = ARCHIVE_PAGE_SIZE,
}: {
  userId: string;
  search: ArchiveSearch;
  timeZone: string;
  pageSize?: number;
}) {
  const viewer = await requireArchiveViewer(db, { userId });
  const and: Prisma.CeremonyWhereInput[] = [visibleCeremoniesFilter(viewer)];
  const text = search.query.trim();
  if (text) {
    const matches = containsText(text);
    and.push({
      OR: [
        { title: matches },
        { documents: { some: { specimen: false, title: matches } } },
        { delegations: { some: { OR: [{ name: matches }, { country: matches }] } } },
        { participants: { some: { role: { in: [...SIGNING_ROLES] }, displayName: matches } } },
      ],
    });
  }
  if (search.concludedFrom) and.push({ concludedAt: { gte: zonedLocalToInstant(`${search.concludedFrom}T00:00`, timeZone) } });
  if (search.concludedTo) {
    const dayAfter = new Date(Date.parse(`${search.concludedTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    and.push({ concludedAt: { lt: zonedLocalToInstant(`${dayAfter}T00:00`, timeZone) } });
  }
  const where: Prisma.CeremonyWhereInput = { AND: and };

  const total = await db.ceremony.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(search.page, pageCount);
  const rows = await db.ceremony.findMany({
    where,
    orderBy: orderBy[search.sort],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      title: true,
      state: true,
      concludedAt: true,
      legalHold: true,
      placeName: true,
      delegations: { orderBy: { position: 'asc' }, select: { name: true, capitalName: true, capitalTimeZone: true } },
      participants: { where: { role: 'signatory' }, orderBy: { createdAt: 'asc' }, select: { displayName: true } },
      _count: { select: { documents: { where: { specimen: false } } } },
    },
  });
  return {
    viewer: viewer.kind,
    total,
    page,
    pageCount,
    pageSize,
    items: rows.map(({ participants, _count, ...ceremony }) => ({
      ...ceremony,
      signatories: participants.map((participant) => participant.displayName),
      documentCount: _count.documents,
    })),
  };
}
