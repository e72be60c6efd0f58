import { getFormatter, getTranslations } from 'next-intl/server';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { CeremonyTimes } from '@/components/ceremony/ceremony-times';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { ScheduleButton, SendInvitationsButton } from '@/components/ceremony/schedule-actions';
import { ScheduleChecklist } from '@/components/ceremony/schedule-checklist';
import { SigningOrderForm } from '@/components/ceremony/signing-order-form';
import { SigningPlanView } from '@/components/ceremony/signing-plan-view';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { isPlanEditable } from '@/lib/access/access-sets';
import { workspaceForPage } from '../workspace';

export default async function InvitationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const workspace = await workspaceForPage(id, '/invitations');
  if (workspace.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const { ceremony, checklist, plan, signingOrder } = workspace;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const participantNames = new Map(ceremony.participants.map((participant) => [participant.id, participant.displayName]));
  const delegationNames = new Map(ceremony.delegations.map((delegation) => [delegation.id, delegation.name]));
  const parties = ceremony.delegations.map((delegation) => ({ id: delegation.id, name: delegation.name }));
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={ceremony} />
      <OrganiserNav ceremonyId={id} current="invitations" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="order-heading">
          <h2 id="order-heading" className="mb-4 font-serif text-xl">
            {t('schedule.plan.heading')}
          </h2>
          <SigningOrderForm
            key={`${signingOrder}-${parties.map((party) => party.id).join()}`}
            ceremonyId={id}
            current={signingOrder}
            parties={parties}
            disabled={!isPlanEditable(ceremony.state)}
          />
        </Card>
        <Card aria-labelledby="plan-heading">
          <h2 id="plan-heading" className="mb-4 font-serif text-xl">
            {t('schedule.plan.stepsHeading')}
          </h2>
          <SigningPlanView plan={plan} participantNames={participantNames} delegationNames={delegationNames} />
        </Card>
      </div>
      <Card aria-labelledby="checklist-heading">
        <h2 id="checklist-heading" className="mb-4 font-serif text-xl">
          {t('schedule.checklist.heading')}
        </h2>
        <ScheduleChecklist ceremonyId={id} checklist={checklist} />
        {ceremony.state === 'DRAFT' ? (
          <div className="mt-4">
            <ScheduleButton ceremonyId={id} ready={checklist.ready} />
          </div>
        ) : null}
      </Card>
      <Card aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="mb-1 font-serif text-xl">
          {t('schedule.invitations.heading')}
        </h2>
        <div className="mb-4">
          <CeremonyTimes instant={ceremony.scheduledStart} capitals={ceremony.delegations} />
        </div>
        {ceremony.state === 'SCHEDULED' ? (
          <>
            <p className="mb-4 text-sm text-muted">
              {ceremony.invitationsSentAt
                ? t('schedule.invitations.sentAt', {
                    when: format.dateTime(ceremony.invitationsSentAt, { dateStyle: 'long', timeStyle: 'short' }),
                    sequence: ceremony.icsSequence,
                  })
                : t('schedule.invitations.intro', { count: ceremony.participants.length })}
            </p>
            <SendInvitationsButton ceremonyId={id} alreadySent={ceremony.invitationsSentAt !== null} />
          </>
        ) : (
          <p className="text-sm text-muted">{ceremony.state === 'DRAFT' ? t('schedule.invitations.scheduleFirst') : t('schedule.invitations.closed')}</p>
        )}
        {ceremony.mails.length > 0 ? (
          <DataTable
            className="mt-6"
            testId="mail-log"
            captionVisible
            caption={t('schedule.invitations.logCaption')}
            columns={(['logTo', 'logSubject', 'logLanguage', 'logStatus'] as const).map((key) => ({ key, label: t(`schedule.invitations.${key}`) }))}
          >
            {ceremony.mails.map((mail) => (
              <tr key={mail.id} className="border-b border-line/60">
                <td className="py-1 pr-3 break-all">{mail.toEmail}</td>
                <td className="py-1 pr-3">{mail.subject}</td>
                <td className="py-1 pr-3">{t(`common.languageNames.${mail.locale as 'en'}`)}</td>
                <td className={`py-1 ${mail.error ? 'text-danger' : ''}`}>
                  {mail.error ? t('schedule.invitations.failed') : mail.deliveredAt ? t('schedule.invitations.delivered') : t('schedule.invitations.pending')}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </div>
  );
}
