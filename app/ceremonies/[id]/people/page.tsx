import { getTranslations } from 'next-intl/server';
import { CeremonyEditNotice } from '@/components/ceremony/ceremony-edit-notice';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { AddDelegationForm, EditDelegationButton, MoveDelegationButtons, RemoveDelegationButton } from '@/components/ceremony/people/delegation-forms';
import { AddMemberForm } from '@/components/ceremony/people/member-forms';
import { MemberImport } from '@/components/ceremony/people/member-import';
import { MembersTable } from '@/components/ceremony/people/members-table';
import { Card } from '@/components/ui/card';
import { isPlanEditable } from '@/lib/access/access-sets';
import { timeZoneOptions } from '@/lib/time/time-zone-options';
import { workspaceForPage } from '../workspace';

export default async function PeoplePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const workspace = await workspaceForPage(id, '/people');
  if (workspace.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const { ceremony } = workspace;
  const t = await getTranslations();
  const disabled = !isPlanEditable(ceremony.state);
  const timeZones = timeZoneOptions();
  const delegationOptions = ceremony.delegations.map(({ id: delegationId, name }) => ({ id: delegationId, name }));
  const members = ceremony.participants.map((participant) => ({
    id: participant.id,
    name: participant.displayName,
    title: participant.title,
    email: participant.user.email,
    role: participant.role,
    delegationId: participant.delegationId,
  }));
  const order = ceremony.delegations.map((delegation) => delegation.id);
  const unassigned = members.filter((member) => !member.delegationId || !order.includes(member.delegationId));
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={ceremony} />
      <OrganiserNav ceremonyId={id} current="people" />
      <CeremonyEditNotice state={ceremony.state} invitationsSent={ceremony.invitationsSentAt !== null} sequence={ceremony.icsSequence} />
      <Card aria-labelledby="delegations-heading">
        <h2 id="delegations-heading" className="font-serif text-xl">
          {t('schedule.people.delegationsHeading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('schedule.people.orderHint')}</p>
        {ceremony.delegations.length === 0 ? <p className="text-muted">{t('schedule.people.noDelegations')}</p> : null}
        <ol className="flex flex-col gap-6">
          {ceremony.delegations.map((delegation, index) => (
            <li key={delegation.id} className="rounded-md border border-line p-4" aria-label={delegation.name} data-testid={`delegation-${delegation.name}`}>
              <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="text-lg font-medium">{t('schedule.people.position', { position: index + 1, name: delegation.name })}</h3>
                  <p className="text-sm text-muted">
                    {t('schedule.people.delegationSummary', {
                      country: delegation.country,
                      capital: delegation.capitalName,
                      zone: delegation.capitalTimeZone,
                      language: t(`common.languageNames.${delegation.defaultLocale as 'en'}`),
                    })}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <MoveDelegationButtons ceremonyId={id} order={order} index={index} name={delegation.name} disabled={disabled} />
                  <EditDelegationButton ceremonyId={id} delegation={delegation} timeZones={timeZones} disabled={disabled} />
                  <RemoveDelegationButton ceremonyId={id} delegationId={delegation.id} name={delegation.name} disabled={disabled} />
                </div>
              </div>
              <MembersTable
                ceremonyId={id}
                members={members.filter((member) => member.delegationId === delegation.id)}
                delegations={delegationOptions}
                caption={t('schedule.people.membersOf', { name: delegation.name })}
                disabled={disabled}
              />
            </li>
          ))}
        </ol>
      </Card>
      <Card aria-labelledby="unassigned-heading">
        <h2 id="unassigned-heading" className="mb-1 font-serif text-xl">
          {t('schedule.people.unassignedHeading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('schedule.people.unassignedHint')}</p>
        <MembersTable
          ceremonyId={id}
          members={unassigned}
          delegations={delegationOptions}
          caption={t('schedule.people.unassignedHeading')}
          disabled={disabled}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="add-delegation-heading">
          <h2 id="add-delegation-heading" className="mb-4 font-serif text-xl">
            {t('schedule.people.addDelegation')}
          </h2>
          <AddDelegationForm ceremonyId={id} timeZones={timeZones} disabled={disabled} />
        </Card>
        <Card aria-labelledby="add-member-heading">
          <h2 id="add-member-heading" className="mb-4 font-serif text-xl">
            {t('schedule.people.addMember')}
          </h2>
          <AddMemberForm key={order.join()} ceremonyId={id} delegations={delegationOptions} disabled={disabled} />
        </Card>
      </div>
      <Card aria-labelledby="import-heading">
        <h2 id="import-heading" className="mb-4 font-serif text-xl">
          {t('schedule.import.heading')}
        </h2>
        <MemberImport key={order.join()} ceremonyId={id} delegations={delegationOptions} disabled={disabled} />
      </Card>
    </div>
  );
}
