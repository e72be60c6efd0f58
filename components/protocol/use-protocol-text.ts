'use client';

import { useTranslations } from 'next-intl';
import type { ProtocolActionResult } from '@/app/ceremonies/[id]/programme/actions';
import type { ProgrammeStepView } from '@/lib/protocol/load-room-programme';
import { protocolErrorKey } from '@/lib/protocol/protocol-error-keys';

/** Says a failed protocol action in the viewer's language. */
export function useProtocolError() {
  const t = useTranslations('protocol.errors');
  const tErrors = useTranslations('errors');
  return (result: Extract<ProtocolActionResult, { ok: false }>) => {
    const key = protocolErrorKey(result.message);
    return key ? t(key) : tErrors(result.code);
  };
}

/** A step's title: the organiser's own, or the kind's name in the viewer's language. */
export function useStepTitle() {
  const t = useTranslations('protocol.kinds');
  return (step: Pick<ProgrammeStepView, 'kind' | 'title'>) => step.title || t(step.kind);
}
