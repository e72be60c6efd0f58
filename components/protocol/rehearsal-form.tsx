'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { scheduleRehearsalAction, sendRehearsalInvitationsAction } from '@/app/ceremonies/[id]/protocol/actions';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

/** The organiser's rehearsal slot (default: 24 hours before), and its own invitations. */
export function RehearsalForm({
  ceremonyId,
  form,
}: {
  ceremonyId: string;
  form: { timeZone: string; startLocal: string; planned: boolean; editable: boolean; mayInvite: boolean };
}) {
  const t = useTranslations('protocol.rehearsalForm');
  const tField = useTranslations('protocol.fieldErrors');
  const describeError = useProtocolError();
  const router = useRouter();
  const [startLocal, setStartLocal] = useState(form.startLocal);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function schedule(slot: { timeZone: string; startLocal: string } | 'default' | null) {
    setFieldError(null);
    setGeneral(null);
    startTransition(async () => {
      const result = await scheduleRehearsalAction(ceremonyId, slot);
      if (!result.ok) {
        const key = result.fieldErrors?.startLocal;
        if (key) setFieldError(tField.has(key as 'invalid') ? tField(key as 'invalid') : tField('invalid'));
        else setGeneral(describeError(result));
        return;
      }
      toast.success(slot === null ? t('dropped') : t('saved'));
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-3" data-testid="rehearsal-form">
      {form.editable ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            schedule({ timeZone: form.timeZone, startLocal });
          }}
        >
          <TextField
            id="rehearsal-start"
            name="startLocal"
            type="datetime-local"
            label={t('start', { zone: form.timeZone })}
            value={startLocal}
            onChange={(event) => setStartLocal(event.target.value)}
            error={fieldError ?? undefined}
            required
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {form.planned ? t('move') : t('plan')}
          </Button>
          <Button type="button" variant="ghost" disabled={pending} onClick={() => schedule('default')}>
            {t('useDefault')}
          </Button>
          {form.planned ? (
            <Button type="button" variant="ghost" disabled={pending} onClick={() => schedule(null)}>
              {t('drop')}
            </Button>
          ) : null}
        </form>
      ) : null}
      {form.mayInvite ? (
        <Button
          type="button"
          className="self-start"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setGeneral(null);
              const result = await sendRehearsalInvitationsAction(ceremonyId);
              if (!result.ok) return setGeneral(describeError(result));
              toast.success(t('invited', { sent: result.sent ?? 0, failed: result.failed ?? 0 }));
              router.refresh();
            })
          }
          data-testid="rehearsal-invite"
        >
          {t('invite')}
        </Button>
      ) : null}
      {general ? (
        <p role="alert" className="text-sm text-danger">
          {general}
        </p>
      ) : null}
    </div>
  );
}
