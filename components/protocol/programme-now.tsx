'use client';

import { useTranslations } from 'next-intl';
import { useStepTitle } from '@/components/protocol/use-protocol-text';
import type { RoomProgramme } from '@/lib/protocol/load-room-programme';

type Step = RoomProgramme['steps'][number];

/** The current step and who has the floor, and what comes next (announced politely as it changes). */
export function ProgrammeNow({ current, next, programme }: { current: Step | null; next: Step | null; programme: RoomProgramme }) {
  const t = useTranslations('protocol.room');
  const stepTitle = useStepTitle();
  return (
    <div aria-live="polite" className="flex flex-col gap-1">
      {current ? (
        <div className="rounded-md border border-amber-200/40 bg-amber-100/5 px-3 py-2" data-testid="programme-current" data-kind={current.kind}>
          <p className="text-xs uppercase tracking-wide text-amber-100/80">{t('now')}</p>
          <p className="font-serif text-xl">{stepTitle(current)}</p>
          {current.speaker ? (
            <p className="text-sm text-white/80" data-testid="programme-speaker">
              {current.speaker.delegation
                ? t('floorWithDelegation', { name: current.speaker.name, delegation: current.speaker.delegation })
                : t('floor', { name: current.speaker.name })}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-white/70" data-testid="programme-current" data-kind="none">
          {programme.finished ? t('finished') : t('notStarted')}
        </p>
      )}
      {next ? (
        <p className="text-sm text-white/70" data-testid="programme-next">
          {next.speaker ? t('nextWithSpeaker', { title: stepTitle(next), name: next.speaker.name }) : t('next', { title: stepTitle(next) })}
        </p>
      ) : null}
    </div>
  );
}
