'use client';

import { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import { confirmRollCallAction, moveProgrammeAction, releasePagesAction } from '@/app/ceremonies/[id]/programme/actions';
import { RollCall } from '@/components/protocol/roll-call';
import { useStepTitle } from '@/components/protocol/use-protocol-text';
import type { ActionResult } from '@/lib/actions/action-result';
import type { RoomProgramme } from '@/lib/protocol/load-room-programme';

type Step = RoomProgramme['steps'][number];

/**
 * The organiser's hold on the programme: back, skip (never past signing), advance; the roll
 * call during the opening; releasing the pages to the press (after a confirm). `run` performs an
 * action and reports its error here.
 */
export function ProgrammeControls({
  ceremonyId,
  programme,
  current,
  next,
  pending,
  error,
  run,
}: {
  ceremonyId: string;
  programme: RoomProgramme;
  current: Step | null;
  next: Step | null;
  pending: boolean;
  error: string | null;
  run: (action: () => Promise<ActionResult>, onDone?: () => void) => void;
}) {
  const t = useTranslations('protocol.room');
  const stepTitle = useStepTitle();
  return (
    <div className="flex flex-col gap-2 border-t border-white/10 pt-2" data-testid="programme-controls">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded-md border border-white/40 px-3 py-1.5 text-sm disabled:opacity-50"
          disabled={pending || !programme.started}
          onClick={() => run(() => moveProgrammeAction(ceremonyId, 'back'))}
        >
          {t('back')}
        </button>
        <button
          type="button"
          className="rounded-md border border-white/40 px-3 py-1.5 text-sm disabled:opacity-50"
          disabled={pending || !current || current.kind === 'signing'}
          onClick={() => run(() => moveProgrammeAction(ceremonyId, 'skip'))}
        >
          {t('skip')}
        </button>
        {programme.finished ? null : (
          <button
            type="button"
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-[#0f1620] disabled:opacity-50"
            disabled={pending}
            onClick={() => run(() => moveProgrammeAction(ceremonyId, 'advance'))}
            data-testid="programme-advance"
          >
            {!programme.started ? t('begin') : next ? t('advanceTo', { title: stepTitle(next) }) : t('finish')}
          </button>
        )}
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-300/50 bg-red-500/10 px-3 py-2 text-sm text-red-100" data-testid="programme-error">
          {error}
        </p>
      ) : null}
      {programme.rollCall && (current?.kind === 'opening' || programme.rollCall.confirmedAt) ? (
        <RollCall
          key={programme.rollCall.confirmedAt ?? 'open'}
          rollCall={programme.rollCall}
          defaultOpen={current?.kind === 'opening'}
          pending={pending}
          onConfirm={(present) =>
            run(
              () => confirmRollCallAction(ceremonyId, present),
              () => toast.success(t('rollCall.confirmedToast')),
            )
          }
        />
      ) : null}
      {programme.pagesReleased ? (
        <p className="text-xs text-white/60" data-testid="pages-released">
          {t('pagesReleased')}
        </p>
      ) : (
        <button
          type="button"
          className="self-start rounded-md border border-white/40 px-3 py-1.5 text-sm disabled:opacity-50"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t('releaseConfirm'))) run(() => releasePagesAction(ceremonyId));
          }}
          data-testid="release-pages"
        >
          {t('releasePages')}
        </button>
      )}
    </div>
  );
}
