'use client';

import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { addDelegationAction, removeDelegationAction, reorderDelegationsAction, updateDelegationAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { FormResult } from '@/lib/actions/action-result';
import { locales } from '@/lib/i18n/locales';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

export interface DelegationView {
  id: string;
  name: string;
  country: string;
  capitalName: string;
  capitalTimeZone: string;
  defaultLocale: string;
}

function DelegationFields({
  defaults,
  timeZones,
  errors,
  idPrefix,
}: {
  defaults?: Partial<DelegationView>;
  timeZones: string[];
  errors: ReturnType<typeof useFormErrors>;
  idPrefix: string;
}) {
  const t = useTranslations('schedule.people');
  const tLanguages = useTranslations('common.languageNames');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField id={`${idPrefix}-name`} name="name" label={t('delegationName')} defaultValue={defaults?.name} error={errors.field('name')} required />
      <TextField id={`${idPrefix}-country`} name="country" label={t('country')} defaultValue={defaults?.country} error={errors.field('country')} required />
      <TextField
        id={`${idPrefix}-capital`}
        name="capitalName"
        label={t('capitalName')}
        defaultValue={defaults?.capitalName}
        error={errors.field('capitalName')}
        required
      />
      <SelectField
        id={`${idPrefix}-zone`}
        name="capitalTimeZone"
        label={t('capitalTimeZone')}
        defaultValue={defaults?.capitalTimeZone ?? 'Europe/Berlin'}
        error={errors.field('capitalTimeZone')}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-locale`}
        name="defaultLocale"
        label={t('defaultLocale')}
        defaultValue={defaults?.defaultLocale ?? 'en'}
        error={errors.field('defaultLocale')}
      >
        {locales.map((code) => (
          <option key={code} value={code}>
            {tLanguages(code)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

export function AddDelegationForm({ ceremonyId, timeZones, disabled }: { ceremonyId: string; timeZones: string[]; disabled: boolean }) {
  const t = useTranslations('schedule.people');
  const [state, action, pending] = useActionState<FormResult, FormData>(addDelegationAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label={t('addDelegation')}>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <fieldset disabled={disabled} className="contents">
        <DelegationFields
          defaults={state?.ok ? undefined : (state?.values as Partial<DelegationView>)}
          timeZones={timeZones}
          errors={errors}
          idPrefix="new-delegation"
        />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('addDelegation')}
        </Button>
      </div>
    </form>
  );
}

export function EditDelegationButton({
  ceremonyId,
  delegation,
  timeZones,
  disabled,
}: {
  ceremonyId: string;
  delegation: DelegationView;
  timeZones: string[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule.people');
  const tCommon = useTranslations('schedule.common');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormResult, FormData>(updateDelegationAction, null);
  const errors = useFormErrors(state);
  const handled = useRef<FormResult>(state);
  useEffect(() => {
    if (state !== handled.current && state?.ok) setOpen(false);
    handled.current = state;
  }, [state]);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label={t('editDelegationNamed', { name: delegation.name })}
      >
        {tCommon('edit')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('editDelegation')} closeLabel={tCommon('close')}>
        <form action={action} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="ceremonyId" value={ceremonyId} />
          <input type="hidden" name="delegationId" value={delegation.id} />
          {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
          <DelegationFields
            defaults={state?.ok || !state?.values ? delegation : (state?.values as Partial<DelegationView>)}
            timeZones={timeZones}
            errors={errors}
            idPrefix={`delegation-${delegation.id}`}
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {tCommon('save')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {tCommon('cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function MoveDelegationButtons({
  ceremonyId,
  order,
  index,
  name,
  disabled,
}: {
  ceremonyId: string;
  order: string[];
  index: number;
  name: string;
  disabled: boolean;
}) {
  const t = useTranslations('schedule.people');
  const [state, action, pending] = useActionState<FormResult, FormData>(reorderDelegationsAction, null);
  const errors = useFormErrors(state);
  const moved = (offset: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + offset, 0, item!);
    return next;
  };
  return (
    <div className="flex items-center gap-1">
      {[-1, 1].map((offset) => {
        const possible = index + offset >= 0 && index + offset < order.length;
        return (
          <form key={offset} action={action}>
            <input type="hidden" name="ceremonyId" value={ceremonyId} />
            {possible ? moved(offset).map((id) => <input key={id} type="hidden" name="order" value={id} />) : null}
            <Button
              type="submit"
              variant="secondary"
              className="px-2"
              disabled={!possible || pending || disabled}
              aria-label={offset < 0 ? t('moveUp', withFinalSounds({ name })) : t('moveDown', withFinalSounds({ name }))}
            >
              {offset < 0 ? <ArrowUp aria-hidden className="h-4 w-4" /> : <ArrowDown aria-hidden className="h-4 w-4" />}
            </Button>
          </form>
        );
      })}
      {errors.general ? (
        <span role="alert" className="text-sm text-danger">
          {errors.general}
        </span>
      ) : null}
    </div>
  );
}

export function RemoveDelegationButton({
  ceremonyId,
  delegationId,
  name,
  disabled,
}: {
  ceremonyId: string;
  delegationId: string;
  name: string;
  disabled: boolean;
}) {
  const t = useTranslations('schedule.people');
  const [state, action, pending] = useActionState<FormResult, FormData>(removeDelegationAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      <input type="hidden" name="delegationId" value={delegationId} />
      <Button type="submit" variant="ghost" className="text-danger" disabled={pending || disabled} aria-label={t('removeDelegationNamed', { name })}>
        {t('removeDelegation')}
      </Button>
      {(errors.field('delegation') ?? errors.general) ? (
        <span role="alert" className="text-sm text-danger">
          {errors.field('delegation') ?? errors.general}
        </span>
      ) : null}
    </form>
  );
}
