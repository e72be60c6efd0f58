import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type OrganiserSection = 'overview' | 'details' | 'people' | 'documents' | 'fields' | 'invitations' | 'programme' | 'full-powers';

/** Sections whose labels live in the protocol messages (full powers, programme, rehearsal). */
const protocolSections: Partial<Record<OrganiserSection, 'programme' | 'fullPowers'>> = { programme: 'programme', 'full-powers': 'fullPowers' };

const sections: { key: OrganiserSection; path: string }[] = [
  { key: 'overview', path: '' },
  { key: 'details', path: '/edit' },
  { key: 'people', path: '/people' },
  { key: 'documents', path: '/documents' },
  { key: 'fields', path: '/fields' },
  { key: 'invitations', path: '/invitations' },
  { key: 'programme', path: '/programme' },
  { key: 'full-powers', path: '/full-powers' },
];

/** The organiser's planning sections of one ceremony, as tabs. */
export async function OrganiserNav({ ceremonyId, current }: { ceremonyId: string; current: OrganiserSection }) {
  const t = await getTranslations('schedule.nav');
  const tProtocol = await getTranslations('protocol.nav');
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
                {protocolSections[section.key] ? tProtocol(protocolSections[section.key]!) : t(section.key as 'overview')}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
