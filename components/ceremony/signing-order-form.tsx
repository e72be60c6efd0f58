'use client';

import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { setSigningOrderAction } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { FormResult } from '@/lib/actions/action-result';
import { signingOrders, type SigningOrder } from '@/lib/signing/decide-signing';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** Parallel, sequential or alternat, and the order of the parties (keyboard: the arrow buttons). */
export function SigningOrderForm({
  ceremonyId,
  current,
  parties,
  disabled,
}: {
  ceremonyId: string;
  current: SigningOrder;
  parties: { id: string; name: string }[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule.plan');
  const [state, action, pending] = useActionState<FormResult, FormData>(setSigningOrderAction, null);
  const errors = useFormErrors(state);
  const [order, setOrder] = useState(parties);
  const [mode, setMode] = useState<SigningOrder>(current);
  const move = (index: number, offset: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + offset, 0, item!);
    setOrder(next);
  };
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {order.map((party) => (
        <input key={party.id} type="hidden" name="sequence" value={party.id} />
      ))}
      {errors.general ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      {state?.ok ? <FormAlert tone="success">{t('orderSaved')}</FormAlert> : null}
      <fieldset disabled={disabled} className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{t('modeLegend')}</legend>
        {signingOrders.map((option) => (
          <label key={option} className="flex items-start gap-2 rounded-md border border-line p-3 has-[:checked]:border-navy has-[:checked]:bg-navy/5">
            <input type="radio" name="signingOrder" value={option} checked={mode === option} onChange={() => setMode(option)} className="mt-1 accent-navy" />
            <span>
              <span className="block font-medium">{t(`modes.${option}.label`)}</span>
              <span className="block text-sm text-muted">{t(`modes.${option}.description`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode !== 'parallel' && order.length > 1 ? (
        <fieldset disabled={disabled}>
          <legend className="mb-2 text-sm font-medium">{t('partyOrder')}</legend>
          <ol className="flex flex-col gap-1">
            {order.map((party, index) => (
              <li key={party.id} className="flex items-center justify-between gap-2 rounded-md border border-line px-3 py-1.5 text-sm">
                <span>{t('partyPosition', { position: index + 1, name: party.name })}</span>
                <span className="flex gap-1">
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2 py-1"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('moveUp', withFinalSounds({ name: party.name }))}
                  >
                    <ArrowUp aria-hidden className="h-4 w-4" />
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2 py-1"
                    disabled={index === order.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('moveDown', withFinalSounds({ name: party.name }))}
                  >
                    <ArrowDown aria-hidden className="h-4 w-4" />
                  </Button>
                </span>
              </li>
            ))}
          </ol>
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={pending || disabled}>
          {t('saveOrder')}
        </Button>
      </div>
    </form>
  );
}
