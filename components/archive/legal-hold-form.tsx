'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { updateLegalHoldAction } from '@/app/archive/[id]/actions';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextareaField } from '@/components/ui/textarea-field';
import { useErrorText } from '@/components/ui/use-error-text';
import type { FormResult } from '@/lib/actions/action-result';

type ReasonError = 'required' | 'tooShort' | 'tooLong' | 'invalid';

/** Archivists set or lift a legal hold; the reason goes into the audit log. */
export function LegalHoldForm({ ceremonyId, onHold }: { ceremonyId: string; onHold: boolean }) {
  const t = useTranslations('archive.legalHold');
  const tFields = useTranslations('archive.fieldErrors');
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<FormResult, FormData>(updateLegalHoldAction, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state?.values?.intent === 'lift' ? t('liftDone') : t('setDone'));
    formRef.current?.reset();
  }, [state, t]);

  const failure = state && !state.ok ? state : null;
  const reasonKey = failure?.fieldErrors?.reason;
  const reasonError = reasonKey ? tFields((['required', 'tooShort', 'tooLong'].includes(reasonKey) ? reasonKey : 'invalid') as ReasonError) : undefined;
  const general = failure && !reasonError ? errorText(failure) : undefined;
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-3" noValidate aria-label={onHold ? t('lift') : t('set')}>
      {general ? <FormAlert tone="error">{general}</FormAlert> : null}
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      <input type="hidden" name="intent" value={onHold ? 'lift' : 'set'} />
      <TextareaField
        id="legal-hold-reason"
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        error={reasonError}
        rows={2}
        maxLength={500}
        required
        defaultValue={state?.ok ? '' : state?.values?.reason}
        disabled={pending}
      />
      <div>
        <Button type="submit" variant={onHold ? 'secondary' : 'primary'} disabled={pending}>
          {onHold ? t('lift') : t('set')}
        </Button>
      </div>
    </form>
  );
}
