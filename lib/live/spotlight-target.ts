import type { RoomDocument } from '@/lib/live/load-room';

/**
 * Where the room looks while a signatory signs (issue 9.3): the first document it is their
 * turn on, at the page of their signature (or witness) field there, else of their first open
 * field (initials). Pure: the room's client computes it from what the page loaded.
 */
export function spotlightTarget(
  documents: Pick<RoomDocument, 'id' | 'myOpenFields'>[],
  statuses: { id: string; myStatus: string }[],
): { documentId: string; page: number } | null {
  for (const status of statuses) {
    if (status.myStatus !== 'sign-now') continue;
    const fields = documents.find((document) => document.id === status.id)?.myOpenFields ?? [];
    const byPage = [...fields].sort((a, b) => a.page - b.page);
    const field = byPage.find((candidate) => candidate.kind !== 'initials') ?? byPage[0];
    return { documentId: status.id, page: field?.page ?? 1 };
  }
  return null;
}
