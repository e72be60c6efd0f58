'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ProgrammeControls } from '@/components/protocol/programme-controls';
import { ProgrammeNow } from '@/components/protocol/programme-now';
import { ProgrammeStepsList } from '@/components/protocol/programme-steps-list';
import { RehearsalPanel } from '@/components/protocol/rehearsal-panel';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import type { ActionResult } from '@/lib/actions/action-result';
import type { RoomProgramme } from '@/lib/protocol/load-room-programme';

/**
 * The run of show beside the video: everyone (press included) sees the current and the next
 * step and who has the floor; the organiser moves the programme, takes the roll call during
 * the opening and releases the pages to the press. The page refetches on every step message.
 */
export function ProgrammePanel({ ceremonyId, programme, myRole, myName }: { ceremonyId: string; programme: RoomProgramme; myRole: string; myName: string }) {
  const isOrganiser = myRole === 'organiser';
  const t = useTranslations('protocol.room');
  const describeError = useProtocolError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const current = programme.steps.find((step) => step.id === programme.currentStepId) ?? null;
  const next = programme.steps.find((step) => step.id === programme.nextStepId) ?? null;
  const position = current ? programme.steps.indexOf(current) + 1 : null;

  function run(action: () => Promise<ActionResult>, onDone?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(describeError(result));
        return;
      }
      onDone?.();
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="programme-heading" className="flex max-h-[26vh] flex-col gap-2 overflow-y-auto" data-testid="programme">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="programme-heading" className="font-medium">
          {t('heading')}
        </h2>
        {position ? <span className="text-xs text-white/60">{t('stepOf', { position, count: programme.steps.length })}</span> : null}
      </div>
      {programme.rehearsal ? (
        <p className="self-start rounded-full bg-sky-400/20 px-2 py-0.5 text-xs text-sky-100" data-testid="rehearsal-badge">
          {t('rehearsal')}
        </p>
      ) : null}
      <ProgrammeNow current={current} next={next} programme={programme} />
      {programme.rehearsal ? <RehearsalPanel ceremonyId={ceremonyId} myRole={myRole} myName={myName} /> : null}
      <ProgrammeStepsList steps={programme.steps} />
      {isOrganiser ? (
        <ProgrammeControls ceremonyId={ceremonyId} programme={programme} current={current} next={next} pending={pending} error={error} run={run} />
      ) : null}
    </section>
  );
}
