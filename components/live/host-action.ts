'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useTransition } from 'react';
import { toast } from 'sonner';
import type { HostActionResult } from '@/app/ceremonies/[id]/room/actions';
import { useErrorText } from '@/components/ui/use-error-text';

/** Runs a host-control server action and says how it went (errors in the caller's language). */
export function useHostAction() {
  const t = useTranslations('live.host');
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const run = useCallback(
    (action: () => Promise<HostActionResult>, onDone?: () => void) => {
      startTransition(async () => {
        const result = await action();
        if (!result.ok) {
          toast.error(errorText(result));
          return;
        }
        if (!result.liveRoomUpdated) toast.warning(t('videoNotUpdated'));
        onDone?.();
      });
    },
    [t, errorText],
  );
  return { run, pending };
}
