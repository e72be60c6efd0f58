'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { scheduleAction, sendInvitationsAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { FormResult } from '@/lib/actions/action-result';

export function ScheduleButton({ ceremonyId, ready }: { ceremonyId: string; ready: boolean }) {
  const t = useTranslations('schedule.invitations');
  const [state, action, pending] = useActionState<FormResult, FormData>(scheduleAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <div>
        <Button type="submit" disabled={pending || !ready}>
          {t('schedule')}
        </Button>
      </div>
      {!ready ? <p className="text-sm text-muted">{t('scheduleBlocked')}</p> : null}
    </form>
  );
}

export function SendInvitationsButton({ ceremonyId, alreadySent }: { ceremonyId: string; alreadySent: boolean }) {
  const t = useTranslations('schedule.invitations');
  const [state, action, pending] = useActionState<FormResult, FormData>(sendInvitationsAction, null);
  const errors = useFormErrors(state);
  const failed = Number(state?.values?.failed ?? 0);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {errors.general ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      {state?.ok ? (
        <FormAlert tone={failed > 0 ? 'error' : 'success'}>
          {t('sentResult', { sent: Number(state?.values?.sent ?? 0), skipped: Number(state?.values?.skipped ?? 0), failed })}
        </FormAlert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending} data-testid="send-invitations">
          {pending ? t('sending') : alreadySent ? t('sendAgain') : t('send')}
        </Button>
      </div>
    </form>
  );
}
