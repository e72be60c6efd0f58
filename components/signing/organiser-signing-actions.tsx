'use client';

import { useTranslations } from 'next-intl';
import { concludeAction, openSigningAction, recordExchangeAction } from '@/app/ceremonies/[id]/signing/actions';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action-result';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

/** The organiser's steps through signing: open it, record the exchange of originals, conclude — one at a time. */
export function OrganiserSigningActions({
  status,
  pending,
  onAction,
}: {
  status: SigningStatus;
  /** An action is running. */
  pending: boolean;
  onAction: (action: (ceremonyId: string) => Promise<ActionResult>) => void;
}) {
  const t = useTranslations('signing');
  return (
    <div className="flex flex-wrap gap-2 border-t border-white/10 pt-3">
      {status.state === 'LIVE' ? (
        <Button type="button" disabled={pending} onClick={() => onAction(openSigningAction)}>
          {t('organiser.open')}
        </Button>
      ) : null}
      {status.signingOpen && status.exchange.needed && !status.exchange.done ? (
        <Button type="button" variant="secondary" disabled={pending || !status.exchange.ready} onClick={() => onAction(recordExchangeAction)}>
          {t('organiser.exchange')}
        </Button>
      ) : null}
      {status.signingOpen ? (
        <Button type="button" disabled={pending || !status.allSigned} onClick={() => onAction(concludeAction)}>
          {t('organiser.conclude')}
        </Button>
      ) : null}
      {pending ? (
        <p role="status" className="basis-full text-sm text-white/75" data-testid="organiser-working">
          {t('organiser.working')}
        </p>
      ) : null}
    </div>
  );
}
