'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { cancelAction, rescheduleAction, updateDetailsAction } from '@/app/ceremonies/[id]/actions';
import { CeremonyTimeFields, type CapitalClock } from '@/components/ceremony/ceremony-time-fields';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FormResult } from '@/lib/actions/action-result';

function SavedNote({ state }: { state: FormResult }) {
  const t = useTranslations('schedule.edit');
  if (!state?.ok) return null;
  return <FormAlert tone="success">{state.values?.sent ? t('savedAndSent', { count: Number(state.values.sent) }) : t('saved')}</FormAlert>;
}

export function CeremonyDetailsForm({
  ceremonyId,
  defaults,
  disabled,
}: {
  ceremonyId: string;
  defaults: { title: string; description: string; placeName: string };
  disabled: boolean;
}) {
  const t = useTranslations('schedule');
  const [state, action, pending] = useActionState<FormResult, FormData>(updateDetailsAction, null);
  const errors = useFormErrors(state);
  const values = { ...defaults, ...(state?.ok ? {} : state?.values) };
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <SavedNote state={state} />
      <TextField name="title" label={t('form.title')} defaultValue={values.title} error={errors.field('title')} required maxLength={200} disabled={disabled} />
      <TextareaField
        name="description"
        label={t('form.description')}
        defaultValue={values.description}
        error={errors.field('description')}
        rows={3}
        disabled={disabled}
      />
      <TextField name="placeName" label={t('form.placeName')} defaultValue={values.placeName} error={errors.field('placeName')} disabled={disabled} />
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('edit.saveDetails')}
        </Button>
      </div>
    </form>
  );
}

export function RescheduleForm({
  ceremonyId,
  timeZones,
  defaults,
  capitals,
  disabled,
}: {
  ceremonyId: string;
  timeZones: string[];
  defaults: { timeZone: string; startLocal: string; endLocal: string };
  capitals: CapitalClock[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule');
  const [state, action, pending] = useActionState<FormResult, FormData>(rescheduleAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <SavedNote state={state} />
      <fieldset disabled={disabled} className="contents">
        <CeremonyTimeFields
          timeZones={timeZones}
          defaults={defaults}
          capitals={capitals}
          errors={{ timeZone: errors.field('timeZone'), startLocal: errors.field('startLocal'), endLocal: errors.field('endLocal') }}
        />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('edit.reschedule')}
        </Button>
      </div>
    </form>
  );
}

export function CancelCeremonyForm({ ceremonyId, invitationsSent }: { ceremonyId: string; invitationsSent: boolean }) {
  const t = useTranslations('schedule.edit');
  const [state, action, pending] = useActionState<FormResult, FormData>(cancelAction, null);
  const errors = useFormErrors(state);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      {state?.ok ? <FormAlert tone="success">{t('cancelled')}</FormAlert> : null}
      <p className="text-sm text-muted">{invitationsSent ? t('cancelIntroSent') : t('cancelIntro')}</p>
      <TextareaField name="reason" label={t('cancelReason')} error={errors.field('reason')} rows={2} />
      <div className="flex items-center gap-2">
        <input
          id="confirm-cancel"
          type="checkbox"
          className="h-4 w-4 accent-danger"
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
        <label htmlFor="confirm-cancel" className="text-sm">
          {t('cancelConfirm')}
        </label>
      </div>
      <div>
        <Button type="submit" variant="danger" disabled={pending || !confirmed}>
          {t('cancelSubmit')}
        </Button>
      </div>
    </form>
  );
}
