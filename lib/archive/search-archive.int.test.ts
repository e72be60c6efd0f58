import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArchiveSearch, type ArchiveSearch } from '@/lib/archive/schemas';
import { searchArchive } from '@/lib/archive/search-archive';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { db } from '@/lib/db';
import { createUser } from '@/test/factories';

const tag = randomUUID().slice(0, 6);
let archivistId: string;
let ids: string[];

const search = (overrides: Partial<ArchiveSearch>): ArchiveSearch => ({ query: tag, sort: 'concluded-desc', page: 1, ...overrides });

beforeAll(async () => {
  archivistId = (await createUser({ globalRole: 'archivist' })).id;
  const days = ['2026-03-01T10:00:00Z', '2026-06-15T22:30:00Z', '2026-09-30T08:00:00Z'];
  ids = [];
  for (const [index, day] of days.entries()) {
    const c = await createConcludedCeremony({ title: `${['Alpha', 'Bravo', 'Charlie'][index]} accord ${tag}`, concludedAt: new Date(day) });
    ids.push(c.ceremonyId);
  }
});

describe('searchArchive', () => {
  it('matches the title, an agreement title, a party or a signatory, case-insensitively', async () => {
    expect(
      (await searchArchive({ userId: archivistId, search: search({ query: `BRAVO ACCORD ${tag.toUpperCase()}` }), timeZone: 'UTC' })).items.map((i) => i.id),
    ).toEqual([ids[1]]);
    // Party and signatory names are shared by the factory's ceremonies: narrow by tag afterwards.
    const byParty = await searchArchive({ userId: archivistId, search: search({ query: 'korean smart manufacturing' }), timeZone: 'UTC', pageSize: 1000 });
    expect(ids.every((id) => byParty.items.some((item) => item.id === id))).toBe(true);
    const bySignatory = await searchArchive({ userId: archivistId, search: search({ query: '김민준' }), timeZone: 'UTC', pageSize: 1000 });
    expect(ids.every((id) => bySignatory.items.some((item) => item.id === id))).toBe(true);
    const byAgreement = await searchArchive({ userId: archivistId, search: search({ query: 'KOSMO original' }), timeZone: 'UTC', pageSize: 1000 });
    // Other test files conclude alternat ceremonies with KOSMO originals: only ours must not match.
    expect(byAgreement.items.filter((item) => ids.includes(item.id))).toEqual([]);
    const byShortName = await searchArchive({ userId: archivistId, search: search({ query: 'LNI 4.0 original' }), timeZone: 'UTC', pageSize: 1000 });
    expect(ids.every((id) => byShortName.items.some((item) => item.id === id))).toBe(true);
  });

  it('filters by conclusion day in the viewer’s zone, inclusive', async () => {
    const june = await searchArchive({ userId: archivistId, search: search({ concludedFrom: '2026-06-15', concludedTo: '2026-06-15' }), timeZone: 'UTC' });
    expect(june.items.map((i) => i.id)).toEqual([ids[1]]);
    // 22:30 UTC on 15 June is already 16 June in Seoul.
    const seoul = await searchArchive({
      userId: archivistId,
      search: search({ concludedFrom: '2026-06-16', concludedTo: '2026-06-16' }),
      timeZone: 'Asia/Seoul',
    });
    expect(seoul.items.map((i) => i.id)).toEqual([ids[1]]);
    const from = await searchArchive({ userId: archivistId, search: search({ concludedFrom: '2026-06-01' }), timeZone: 'UTC' });
    expect(from.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
  });

  it('sorts and paginates in the database', async () => {
    const oldestFirst = await searchArchive({ userId: archivistId, search: search({ sort: 'concluded-asc' }), timeZone: 'UTC' });
    expect(oldestFirst.items.map((i) => i.id)).toEqual(ids);
    const byTitle = await searchArchive({ userId: archivistId, search: search({ sort: 'title-desc' }), timeZone: 'UTC' });
    expect(byTitle.items.map((i) => i.title.split(' ')[0])).toEqual(['Charlie', 'Bravo', 'Alpha']);
    const page2 = await searchArchive({ userId: archivistId, search: search({ page: 2 }), timeZone: 'UTC', pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.items.map((i) => i.id)).toEqual([ids[0]]);
    const beyond = await searchArchive({ userId: archivistId, search: search({ page: 9 }), timeZone: 'UTC', pageSize: 2 });
    expect(beyond.page).toBe(2);
  });

  it('shows each result with its parties, signatories and legal hold', async () => {
    await db.ceremony.update({ where: { id: ids[0]! }, data: { legalHold: true, legalHoldReason: 'test' } });
    const [item] = (await searchArchive({ userId: archivistId, search: search({ query: `Alpha accord ${tag}` }), timeZone: 'UTC' })).items;
    expect(item).toMatchObject({ legalHold: true, documentCount: 1, signatories: ['Dr. Jürgen Weiß', '김민준'] });
    expect(item!.delegations.map((d) => d.name)).toEqual(['Labs Network Industrie 4.0', 'Korean Smart Manufacturing Office']);
  });

  it('parses URL parameters leniently, reporting bad values beside their fields', () => {
    expect(parseArchiveSearch({ q: ' KOSMO ', from: '2026-02-30', to: '2026-01-01', sort: 'nonsense', page: '-3' })).toEqual({
      search: { query: 'KOSMO', concludedFrom: undefined, concludedTo: '2026-01-01', sort: 'concluded-desc', page: 1 },
      fieldErrors: { from: 'invalidDate' },
    });
    expect(parseArchiveSearch({ from: '2026-05-01', to: '2026-01-01' }).fieldErrors).toEqual({ to: 'rangeOrder' });
  });
});
