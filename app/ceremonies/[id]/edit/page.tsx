import { isPlanEditable } from '@/lib/access/access-sets';
import { canTransition, isCeremonyState } from '@/lib/ceremonies/ceremony-state';
import { getTranslations } from 'next-intl/server';
import { CeremonyEditNotice } from '@/components/ceremony/ceremony-edit-notice';
import { CancelCeremonyForm, CeremonyDetailsForm, RescheduleForm } from '@/components/ceremony/ceremony-edit-forms';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { SigningConsentForm } from '@/components/ceremony/signing-consent-form';
import { Card } from '@/components/ui/card';
import { instantToZonedLocal } from '@/lib/ceremonies/resolve-ceremony-times';
import { isSigningConsentEditable, parseStoredSigningConsent } from '@/lib/signing/signing-consent';
import { timeZoneOptions } from '@/lib/time/time-zone-options';
import { workspaceForPage } from '../workspace';

export default async function EditCeremonyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const workspace = await workspaceForPage(id, '/edit');
  if (workspace.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const { ceremony } = workspace;
  const t = await getTranslations('schedule.edit');
  const editable = isPlanEditable(ceremony.state);
  const cancellable = isCeremonyState(ceremony.state) && canTransition(ceremony.state, 'CANCELLED');
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={ceremony} />
      <OrganiserNav ceremonyId={id} current="details" />
      <CeremonyEditNotice state={ceremony.state} invitationsSent={ceremony.invitationsSentAt !== null} sequence={ceremony.icsSequence} />
      <Card aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-4 font-serif text-xl">
          {t('detailsHeading')}
        </h2>
        <CeremonyDetailsForm
          ceremonyId={id}
          defaults={{ title: ceremony.title, description: ceremony.description, placeName: ceremony.placeName }}
          disabled={!editable}
        />
      </Card>
      <Card aria-labelledby="times-heading">
        <h2 id="times-heading" className="mb-1 font-serif text-xl">
          {t('timesHeading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('timesIntro')}</p>
        <RescheduleForm
          ceremonyId={id}
          timeZones={timeZoneOptions()}
          defaults={{
            timeZone: ceremony.timeZone,
            startLocal: instantToZonedLocal(ceremony.scheduledStart, ceremony.timeZone),
            endLocal: instantToZonedLocal(ceremony.scheduledEnd, ceremony.timeZone),
          }}
          capitals={ceremony.delegations}
          disabled={!editable}
        />
      </Card>
      <Card aria-labelledby="consent-heading">
        <h2 id="consent-heading" className="mb-1 font-serif text-xl">
          {t('consentHeading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('consentIntro')}</p>
        <SigningConsentForm ceremonyId={id} stored={parseStoredSigningConsent(ceremony.signingConsent)} disabled={!isSigningConsentEditable(ceremony.state)} />
      </Card>
      {cancellable ? (
        <Card aria-labelledby="cancel-heading" className="border-danger/30">
          <h2 id="cancel-heading" className="mb-4 font-serif text-xl">
            {t('cancelHeading')}
          </h2>
          <CancelCeremonyForm ceremonyId={id} invitationsSent={ceremony.invitationsSentAt !== null} />
        </Card>
      ) : null}
    </div>
  );
}
