'use client';

import { useTranslations } from 'next-intl';
import { useStepTitle } from '@/components/protocol/use-protocol-text';
import type { RoomProgramme } from '@/lib/protocol/load-room-programme';

/** The whole programme, folded: every step with its speaker and whether it is done, current or to come. */
export function ProgrammeStepsList({ steps }: { steps: RoomProgramme['steps'] }) {
  const t = useTranslations('protocol.room');
  const stepTitle = useStepTitle();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-white/70">{t('fullProgramme')}</summary>
      <ol className="mt-2 flex flex-col gap-1" data-testid="programme-steps">
        {steps.map((step) => (
          <li
            key={step.id}
            className={`flex justify-between gap-2 ${step.status === 'current' ? 'font-medium text-amber-100' : step.status === 'upcoming' ? '' : 'text-white/50'}`}
          >
            <span>
              {stepTitle(step)}
              {step.speaker ? (
                <span className="text-white/60">
                  {' — '}
                  {step.speaker.name}
                </span>
              ) : null}
            </span>
            <span className="text-xs">{t(`status.${step.status}`)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
