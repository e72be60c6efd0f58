import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { archiveSortOrders, type ArchiveSearch } from '@/lib/archive/schemas';

type FieldErrorKey = 'tooLong' | 'invalidDate' | 'rangeOrder' | 'invalid';

/** A plain GET form: the search lives in the URL, works without JavaScript and can be bookmarked. */
export async function ArchiveSearchForm({ search, fieldErrors }: { search: ArchiveSearch; fieldErrors: Record<string, string> }) {
  const t = await getTranslations('archive.search');
  const tErrors = await getTranslations('archive.fieldErrors');
  const errorOf = (field: string) => {
    const key = fieldErrors[field];
    if (!key) return undefined;
    return tErrors(['tooLong', 'invalidDate', 'rangeOrder'].includes(key) ? (key as FieldErrorKey) : 'invalid');
  };
  return (
    <form method="get" action="/archive" role="search" aria-label={t('heading')} className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_1fr_auto] md:items-start">
      <TextField name="q" id="archive-q" type="search" label={t('query')} defaultValue={search.query} error={errorOf('q')} maxLength={200} />
      <TextField name="from" id="archive-from" type="date" label={t('from')} defaultValue={search.concludedFrom ?? ''} error={errorOf('from')} />
      <TextField name="to" id="archive-to" type="date" label={t('to')} defaultValue={search.concludedTo ?? ''} error={errorOf('to')} />
      <SelectField name="sort" id="archive-sort" label={t('sort')} defaultValue={search.sort}>
        {archiveSortOrders.map((order) => (
          <option key={order} value={order}>
            {t(`sorts.${order}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3 md:mt-6">
        <Button type="submit">{t('submit')}</Button>
        <Link href="/archive" className="text-sm text-navy underline">
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}
