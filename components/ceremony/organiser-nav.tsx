import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type OrganiserSection = 'overview' | 'details' | 'people' | 'documents' | 'fields' | 'invitations';

const sections: { key: OrganiserSection; path: string }[] = [
  { key: 'overview', path: '' },
  { key: 'details', path: '/edit' },
  { key: 'people', path: '/people' },
  { key: 'documents', path: '/documents' },
  { key: 'fields', path: '/fields' },
  { key: 'invitations', path: '/invitations' },
];

/** The organiser's planning sections of one ceremony, as tabs. */
export async function OrganiserNav({ ceremonyId, current }: { ceremonyId: string; current: OrganiserSection }) {
  const t = await getTranslations('schedule.nav');
  return (
    <nav aria-label={t('label')} className="border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-1">
        {sections.map((section) => {
          const active = section.key === current;
          return (
            <li key={section.key}>
              <Link
                href={`/ceremonies/${ceremonyId}${section.path}`}
                aria-current={active ? 'page' : undefined}
                className={`inline-block rounded-t-md border px-4 py-2 text-sm ${active ? 'border-line border-b-white bg-white font-medium text-ink' : 'border-transparent text-navy hover:underline'}`}
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
