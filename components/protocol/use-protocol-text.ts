'use client';

import { useTranslations } from 'next-intl';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ActionFailure } from '@/lib/actions/action-result';
import type { ProgrammeStepView } from '@/lib/protocol/load-room-programme';

/** Says a failed protocol action in the viewer's language (by its reason, else its code). */
export function useProtocolError(): (result: ActionFailure) => string {
  return useErrorText();
}

/** A step's title: the organiser's own, or the kind's name in the viewer's language. */
export function useStepTitle() {
  const t = useTranslations('protocol.kinds');
  return (step: Pick<ProgrammeStepView, 'kind' | 'title'>) => step.title || t(step.kind);
}
