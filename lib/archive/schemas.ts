import { z } from 'zod';

/**
 * Inputs of the archive's screens and routes, shared by pages, actions and route handlers.
 * Messages are keys (`archive.fieldErrors.<key>`), so forms translate them.
 */

export const archiveSortOrders = ['concluded-desc', 'concluded-asc', 'title-asc', 'title-desc'] as const;
export type ArchiveSortOrder = (typeof archiveSortOrders)[number];

export const ARCHIVE_PAGE_SIZE = 20;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface ArchiveSearch {
  query: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's zone, inclusive */
  concludedFrom?: string;
  concludedTo?: string;
  sort: ArchiveSortOrder;
  page: number;
}

/**
 * The search form's URL parameters. Lenient: a bad value is dropped and reported beside
 * its field, and the rest of the search still runs.
 */
export function parseArchiveSearch(raw: Record<string, string | string[] | undefined>): { search: ArchiveSearch; fieldErrors: Record<string, string> } {
  const first = (key: string) => {
    const value = raw[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const fieldErrors: Record<string, string> = {};
  const query = first('q');
  if (query.length > 200) fieldErrors.q = 'tooLong';
  const day = (key: 'from' | 'to') => {
    const value = first(key);
    if (value === '') return undefined;
    if (isCalendarDay(value)) return value;
    fieldErrors[key] = 'invalidDate';
    return undefined;
  };
  let concludedFrom = day('from');
  const concludedTo = day('to');
  if (concludedFrom && concludedTo && concludedFrom > concludedTo) {
    fieldErrors.to = 'rangeOrder';
    concludedFrom = undefined;
  }
  const sortValue = first('sort');
  const sort = (archiveSortOrders as readonly string[]).includes(sortValue) ? (sortValue as ArchiveSortOrder) : 'concluded-desc';
  const pageNumber = Number(first('page'));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100_000 ? pageNumber : 1;
  return { search: { query: query.slice(0, 200), concludedFrom, concludedTo, sort, page }, fieldErrors };
}

export const legalHoldSchema = z.object({
  ceremonyId: z.string().min(1, 'required'),
  reason: z.string().trim().min(1, 'required').min(3, 'tooShort').max(500, 'tooLong'),
});

export const downloadableArtefacts = ['document', 'certificate', 'evidence-package', 'audit-log-json', 'audit-log-csv'] as const;
export type DownloadableArtefact = (typeof downloadableArtefacts)[number];

export const downloadRequestSchema = z
  .object({
    artefact: z.enum(downloadableArtefacts),
    document: z.string().min(1).max(64).optional(),
    revision: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .refine((value) => value.artefact !== 'document' || value.document !== undefined, { path: ['document'], message: 'required' });
