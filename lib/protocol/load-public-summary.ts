import 'server-only';
import { isArchivedState } from '@/lib/access/access-sets';
import { db, readBlob } from '@/lib/db';
import { formatDateTime } from '@/lib/time/format-instant';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The public summary of a concluded ceremony, for anyone (no sign-in), only once the
 * organiser published it; otherwise null, whether or not the ceremony exists.
 */
export async function loadPublicSummary({ ceremonyId, locale }: { ceremonyId: string; locale: Locale }) {
  const ceremony = await db.ceremony.findUnique({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      state: true,
      placeName: true,
      concludedAt: true,
      publicSummaryPublishedAt: true,
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, country: true, capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { role: 'signatory', removedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { displayName: true, title: true, delegationId: true },
      },
      artefacts: { where: { kind: 'photo', purgedAt: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, sha256: true } },
    },
  });
  if (!ceremony || !ceremony.publicSummaryPublishedAt || !ceremony.concludedAt || !isArchivedState(ceremony.state)) return null;
  const seenZones = new Set<string>();
  return {
    id: ceremony.id,
    title: ceremony.title,
    place: ceremony.placeName,
    parties: ceremony.delegations.map((d) => ({
      name: d.name,
      country: d.country,
      signatories: ceremony.participants.filter((p) => p.delegationId === d.id).map((p) => ({ name: p.displayName, title: p.title })),
    })),
    signedAt: ceremony.delegations
      .filter((d) => !seenZones.has(d.capitalTimeZone) && seenZones.add(d.capitalTimeZone))
      .map((d) => ({ capital: d.capitalName, time: formatDateTime(ceremony.concludedAt!, locale, d.capitalTimeZone) })),
    photo: ceremony.artefacts[0] ? { version: ceremony.artefacts[0].sha256.slice(0, 16) } : null,
  };
}

/** The published summary's photo bytes (no sign-in); null when unpublished or absent. */
export async function readPublicSummaryPhoto({ ceremonyId }: { ceremonyId: string }) {
  const ceremony = await db.ceremony.findUnique({
    where: { id: ceremonyId },
    select: {
      state: true,
      publicSummaryPublishedAt: true,
      artefacts: {
        where: { kind: 'photo', purgedAt: null },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, contentType: true, sha256: true, byteLength: true },
      },
    },
  });
  if (!ceremony?.publicSummaryPublishedAt || !isArchivedState(ceremony.state)) return null;
  const photo = ceremony.artefacts[0];
  if (!photo) return null;
  const bytes = await readBlob(db, 'Artefact.bytes', photo.id);
  // A retention purge between the two reads empties the bytes: then there is no photo, as if purged before.
  if (bytes.byteLength !== photo.byteLength) return null;
  return { bytes, contentType: photo.contentType, sha256: photo.sha256 };
}
