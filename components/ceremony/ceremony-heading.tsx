import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';

/** Title, state, the start in the viewer's zone and each capital, and the way back, above each organiser section. */
export async function CeremonyHeading({
  ceremony,
}: {
  ceremony: { id: string; title: string; state: string; scheduledStart: Date; delegations: { capitalName: string; capitalTimeZone: string }[] };
}) {
  const t = await getTranslations();
  return (
    <header className="flex flex-col gap-2">
      <Link href="/" className="text-sm text-navy underline">
        {t('ceremony.backToList')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-3xl">{ceremony.title}</h1>
        <span className="rounded-full bg-navy/10 px-2 py-1 text-xs text-navy">{t(`states.${ceremony.state as 'DRAFT'}`)}</span>
      </div>
      <CeremonyTimes instant={ceremony.scheduledStart} capitals={ceremony.delegations} />
    </header>
  );
}
