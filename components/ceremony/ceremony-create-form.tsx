'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createCeremonyAction } from '@/app/ceremonies/new/actions';
import { CeremonyTimeFields } from '@/components/ceremony/ceremony-time-fields';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FormResult } from '@/lib/actions/action-result';

export function CeremonyCreateForm({ timeZones, defaults }: { timeZones: string[]; defaults: { timeZone: string; startLocal: string; endLocal: string } }) {
  const t = useTranslations('schedule');
  const [state, action, pending] = useActionState<FormResult, FormData>(createCeremonyAction, null);
  const errors = useFormErrors(state);
  const values = state?.values ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <TextField name="title" label={t('form.title')} defaultValue={values.title} error={errors.field('title')} required maxLength={200} />
      <TextareaField name="description" label={t('form.description')} defaultValue={values.description} error={errors.field('description')} rows={3} />
      <TextField name="placeName" label={t('form.placeName')} defaultValue={values.placeName} error={errors.field('placeName')} />
      <CeremonyTimeFields
        timeZones={timeZones}
        defaults={{
          timeZone: values.timeZone ?? defaults.timeZone,
          startLocal: values.startLocal ?? defaults.startLocal,
          endLocal: values.endLocal ?? defaults.endLocal,
        }}
        capitals={[]}
        errors={{ timeZone: errors.field('timeZone'), startLocal: errors.field('startLocal'), endLocal: errors.field('endLocal') }}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t('new.submit')}
        </Button>
      </div>
    </form>
  );
}
