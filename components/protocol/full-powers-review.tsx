'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { reviewFullPowersAction } from '@/app/ceremonies/[id]/full-powers/actions';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextareaField } from '@/components/ui/textarea-field';

/** An organiser of the other party approves the letter, or rejects it with a reason. */
export function FullPowersReview({ ceremonyId, fullPowersId, signatoryName }: { ceremonyId: string; fullPowersId: string; signatoryName: string }) {
  const t = useTranslations('protocol.fullPowers');
  const tField = useTranslations('protocol.fieldErrors');
  const describeError = useProtocolError();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(decision: 'approve' | 'reject') {
    setReasonError(null);
    setGeneral(null);
    if (decision === 'reject' && reason.trim().length < 3) return setReasonError(tField('reasonRequired'));
    startTransition(async () => {
      const result = await reviewFullPowersAction(ceremonyId, fullPowersId, { decision, reason: reason.trim() || undefined });
      if (!result.ok) {
        const key = result.fieldErrors?.reason;
        if (key) setReasonError(tField.has(key as 'invalid') ? tField(key as 'invalid') : tField('invalid'));
        else setGeneral(describeError(result));
        return;
      }
      toast.success(decision === 'approve' ? t('approvedToast', { name: signatoryName }) : t('rejectedToast', { name: signatoryName }));
      router.refresh();
    });
  }

  const fieldId = `full-powers-reason-${fullPowersId}`;
  return (
    <div className="flex flex-col gap-3 rounded-md border border-line bg-navy/5 p-4" data-testid="full-powers-review">
      <h4 className="font-medium">{t('reviewHeading')}</h4>
      {general ? <FormAlert tone="error">{general}</FormAlert> : null}
      <TextareaField
        id={fieldId}
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        value={reason}
        maxLength={500}
        rows={2}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError ?? undefined}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => decide('approve')} data-testid="full-powers-approve">
          {t('approve')}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={() => decide('reject')} data-testid="full-powers-reject">
          {t('reject')}
        </Button>
      </div>
    </div>
  );
}
