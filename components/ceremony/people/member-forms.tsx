'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { addMemberAction, makeCoOrganiserAction, removeMemberAction, updateMemberAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { memberRoles } from '@/lib/delegations/schemas';
import type { FormResult } from '@/lib/actions/action-result';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

export interface MemberView {
  id: string;
  name: string;
  title: string;
  email: string;
  role: string;
  delegationId: string | null;
}

function MemberFields({
  defaults,
  delegations,
  errors,
  idPrefix,
  withEmail,
}: {
  defaults?: Partial<Record<keyof MemberView, string | null>>;
  delegations: { id: string; name: string }[];
  errors: ReturnType<typeof useFormErrors>;
  idPrefix: string;
  withEmail: boolean;
}) {
  const t = useTranslations('schedule.people');
  const tRoles = useTranslations('roles');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField id={`${idPrefix}-name`} name="name" label={t('memberName')} defaultValue={defaults?.name ?? undefined} error={errors.field('name')} required />
      <TextField id={`${idPrefix}-title`} name="title" label={t('memberTitle')} defaultValue={defaults?.title ?? undefined} error={errors.field('title')} />
      {withEmail ? (
        <TextField
          id={`${idPrefix}-email`}
          name="email"
          type="email"
          autoComplete="off"
          label={t('email')}
          defaultValue={defaults?.email ?? undefined}
          error={errors.field('email')}
          required
        />
      ) : null}
      <SelectField id={`${idPrefix}-role`} name="role" label={t('role')} defaultValue={defaults?.role ?? 'delegate'} error={errors.field('role')}>
        {memberRoles.map((role) => (
          <option key={role} value={role}>
            {tRoles(role)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-delegation`}
        name="delegationId"
        label={t('delegation')}
        defaultValue={defaults?.delegationId ?? delegations[0]?.id ?? ''}
        error={errors.field('delegationId')}
      >
        {delegations.map((delegation) => (
          <option key={delegation.id} value={delegation.id}>
            {delegation.name}
          </option>
        ))}
        <option value="">{t('noDelegation')}</option>
      </SelectField>
    </div>
  );
}

export function AddMemberForm({ ceremonyId, delegations, disabled }: { ceremonyId: string; delegations: { id: string; name: string }[]; disabled: boolean }) {
  const t = useTranslations('schedule.people');
  const [state, action, pending] = useActionState<FormResult, FormData>(addMemberAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label={t('addMember')}>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      {state?.ok ? <FormAlert tone="success">{t('memberAdded')}</FormAlert> : null}
      <fieldset disabled={disabled} className="contents">
        <MemberFields
          defaults={state?.ok ? { delegationId: state?.values?.delegationId } : state?.values}
          delegations={delegations}
          errors={errors}
          idPrefix="new-member"
          withEmail
        />
      </fieldset>
      <p className="text-sm text-muted">{t('newUserHint')}</p>
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('addMember')}
        </Button>
      </div>
    </form>
  );
}

function EditMemberButton({
  ceremonyId,
  member,
  delegations,
  disabled,
}: {
  ceremonyId: string;
  member: MemberView;
  delegations: { id: string; name: string }[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule.people');
  const tCommon = useTranslations('schedule.common');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormResult, FormData>(updateMemberAction, null);
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
        className="px-3 py-1"
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label={t('editMemberNamed', { name: member.name })}
      >
        {tCommon('edit')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t('editMember')} description={member.email} closeLabel={tCommon('close')}>
        <form action={action} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="ceremonyId" value={ceremonyId} />
          <input type="hidden" name="participantId" value={member.id} />
          {errors.general && !errors.hasFieldErrors ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
          <MemberFields
            defaults={state?.ok || !state?.values ? member : state?.values}
            delegations={delegations}
            errors={errors}
            idPrefix={`member-${member.id}`}
            withEmail={false}
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

function SmallActionForm({
  action,
  ceremonyId,
  participantId,
  label,
  ariaLabel,
  danger,
  disabled,
}: {
  action: (state: FormResult, formData: FormData) => Promise<FormResult>;
  ceremonyId: string;
  participantId: string;
  label: string;
  ariaLabel: string;
  danger?: boolean;
  disabled: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormResult, FormData>(action, null);
  const errors = useFormErrors(state);
  const message = errors.field('role') ?? errors.general;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      <input type="hidden" name="participantId" value={participantId} />
      <Button type="submit" variant="ghost" className={`px-2 py-1 ${danger ? 'text-danger' : ''}`} disabled={pending || disabled} aria-label={ariaLabel}>
        {label}
      </Button>
      {message ? (
        <span role="alert" className="text-sm text-danger">
          {message}
        </span>
      ) : null}
    </form>
  );
}

export function MemberActions({
  ceremonyId,
  member,
  delegations,
  disabled,
}: {
  ceremonyId: string;
  member: MemberView;
  delegations: { id: string; name: string }[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule.people');
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <EditMemberButton ceremonyId={ceremonyId} member={member} delegations={delegations} disabled={disabled} />
      {member.role !== 'organiser' && member.role !== 'signatory' ? (
        <SmallActionForm
          action={makeCoOrganiserAction}
          ceremonyId={ceremonyId}
          participantId={member.id}
          label={t('makeCoOrganiser')}
          ariaLabel={t('makeCoOrganiserNamed', withFinalSounds({ name: member.name }))}
          disabled={disabled}
        />
      ) : null}
      <SmallActionForm
        action={removeMemberAction}
        ceremonyId={ceremonyId}
        participantId={member.id}
        label={t('removeMember')}
        ariaLabel={t('removeMemberNamed', withFinalSounds({ name: member.name }))}
        danger
        disabled={disabled}
      />
    </div>
  );
}
