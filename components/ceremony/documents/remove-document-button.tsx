'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { removeDocumentAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import type { FormResult } from '@/lib/actions/action-result';

export function RemoveDocumentButton({ ceremonyId, documentId, title }: { ceremonyId: string; documentId: string; title: string }) {
  const t = useTranslations('schedule.documents');
  const [state, action, pending] = useActionState<FormResult, FormData>(removeDocumentAction, null);
  const errors = useFormErrors(state);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      <input type="hidden" name="documentId" value={documentId} />
      <Button type="submit" variant="ghost" className="px-2 py-1 text-danger" disabled={pending} aria-label={t('removeNamed', { title })}>
        {t('remove')}
      </Button>
      {errors.general ? (
        <span role="alert" className="text-sm text-danger">
          {errors.general}
        </span>
      ) : null}
    </form>
  );
}
