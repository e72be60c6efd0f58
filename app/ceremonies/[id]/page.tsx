import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { ScheduleChecklist } from '@/components/ceremony/schedule-checklist';
import { SigningPlanView } from '@/components/ceremony/signing-plan-view';
import { CeremonyProtocolSection } from '@/components/protocol/ceremony-protocol';
import { Card } from '@/components/ui/card';
import { isIn, ROOM_STATES } from '@/lib/access/access-sets';
import { requireSessionUser } from '@/lib/auth';
import { loadCeremonyOverview } from '@/lib/ceremonies/load-ceremony-overview';
import { isAppError } from '@/lib/errors';

export default async function CeremonyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/ceremonies/${id}`);
  const overview = await loadCeremonyOverview({ ceremonyId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { ceremony, myRole, planning } = overview;
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-6">
      <Link href="/" className="text-sm text-navy underline">
        {t('ceremony.backToList')}
      </Link>
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl">{ceremony.title}</h1>
        <p className="text-muted">{ceremony.description}</p>
        <div className="flex gap-2 text-xs">
          <span className="rounded-full border border-line px-2 py-1">{t(`roles.${myRole as 'organiser'}`)}</span>
          <span className="rounded-full bg-navy/10 px-2 py-1 text-navy">{t(`states.${ceremony.state as 'DRAFT'}`)}</span>
        </div>
      </header>
      {isIn(ROOM_STATES, ceremony.state) ? (
        <Link
          href={`/ceremonies/${ceremony.id}/room`}
          className="self-start rounded-md bg-navy px-4 py-2 text-sm font-medium text-white hover:bg-navy-dark"
          data-testid="enter-room"
        >
          {ceremony.state === 'SCHEDULED' ? t('ceremony.enterRoomEarly') : t('ceremony.enterRoom')}
        </Link>
      ) : null}
      {planning ? <OrganiserNav ceremonyId={ceremony.id} current="overview" /> : null}
      {planning && ceremony.state === 'DRAFT' ? (
        <Card aria-labelledby="checklist-heading">
          <h2 id="checklist-heading" className="mb-3 font-serif text-xl">
            {t('schedule.checklist.heading')}
          </h2>
          <ScheduleChecklist ceremonyId={ceremony.id} checklist={planning.checklist} />
        </Card>
      ) : null}
      <CeremonyProtocolSection ceremonyId={ceremony.id} protocol={overview.protocol} />
      <Card>
        <h2 className="mb-3 font-serif text-xl">{t('ceremony.schedule')}</h2>
        <p className="mb-3 text-sm">
          <span className="font-medium">{t('ceremony.place')}</span> {ceremony.placeName}
        </p>
        <CeremonyTimes instant={ceremony.scheduledStart} capitals={ceremony.delegations} />
      </Card>
      <Card>
        <h2 className="mb-3 font-serif text-xl">{t('ceremony.delegations')}</h2>
        <div className="grid gap-6 md:grid-cols-2">
          {ceremony.delegations.map((delegation) => (
            <section key={delegation.id} aria-label={delegation.name}>
              <h3 className="font-medium">{delegation.name}</h3>
              <p className="mb-2 text-sm text-muted">{delegation.country}</p>
              <ul className="flex flex-col gap-1 text-sm">
                {delegation.participants.map((participant) => (
                  <li key={participant.id}>
                    <span className="font-medium">{participant.displayName}</span>
                    {participant.title ? <span className="text-muted">, {participant.title}</span> : null}
                    <span className="ml-2 text-xs text-muted">{t(`roles.${participant.role as 'organiser'}`)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Card>
      {planning ? (
        <Card aria-labelledby="plan-heading">
          <h2 id="plan-heading" className="mb-3 font-serif text-xl">
            {t('schedule.plan.stepsHeading')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t(`schedule.plan.modes.${planning.signingOrder}.label`)}</p>
          <SigningPlanView
            plan={planning.plan}
            participantNames={
              new Map(
                ceremony.delegations.flatMap((delegation) => delegation.participants.map((participant) => [participant.id, participant.displayName] as const)),
              )
            }
            delegationNames={new Map(ceremony.delegations.map((delegation) => [delegation.id, delegation.name]))}
          />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-3 font-serif text-xl">{t('ceremony.documents')}</h2>
        {ceremony.documents.length === 0 ? <p className="text-muted">{t('ceremony.noDocuments')}</p> : null}
        <ul className="flex flex-col gap-2 text-sm">
          {ceremony.documents.map((document) => (
            <li key={document.id}>
              <span className="font-medium">{document.title}</span>
              <span className="ml-2 text-muted">
                {t(`common.languageNames.${document.language as 'en'}`)} · {t('ceremony.pages', { count: document.pageCount })}
              </span>
              <code className="ml-2 break-all text-xs text-muted">
                {t('ceremony.sha256')} {document.originalSha256}
              </code>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
