'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { confirmRollCallAction, moveProgrammeAction, releasePagesAction, type ProtocolActionResult } from '@/app/ceremonies/[id]/programme/actions';
import { RehearsalPanel } from '@/components/protocol/rehearsal-panel';
import { useProtocolError, useStepTitle } from '@/components/protocol/use-protocol-text';
import type { RollCallView, RoomProgramme } from '@/lib/protocol/load-room-programme';

/**
 * The run of show beside the video: everyone (press included) sees the current and the next
 * step and who has the floor; the organiser moves the programme, takes the roll call during
 * the opening and releases the pages to the press. The page refetches on every step message.
 */
export function ProgrammePanel({ ceremonyId, programme, myRole, myName }: { ceremonyId: string; programme: RoomProgramme; myRole: string; myName: string }) {
  const isOrganiser = myRole === 'organiser';
  const t = useTranslations('protocol.room');
  const stepTitle = useStepTitle();
  const describeError = useProtocolError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const current = programme.steps.find((step) => step.id === programme.currentStepId) ?? null;
  const next = programme.steps.find((step) => step.id === programme.nextStepId) ?? null;
  const position = current ? programme.steps.indexOf(current) + 1 : null;

  function run(action: () => Promise<ProtocolActionResult>, onDone?: () => void) {
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
      {programme.rehearsal ? <RehearsalPanel ceremonyId={ceremonyId} myRole={myRole} myName={myName} /> : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-white/70">{t('fullProgramme')}</summary>
        <ol className="mt-2 flex flex-col gap-1" data-testid="programme-steps">
          {programme.steps.map((step) => (
            <li key={step.id} className={`flex justify-between gap-2 ${step.status === 'current' ? 'font-medium text-amber-100' : step.status === 'upcoming' ? '' : 'text-white/50'}`}>
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
      {isOrganiser ? (
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
              onConfirm={(present) => run(() => confirmRollCallAction(ceremonyId, present), () => toast.success(t('rollCall.confirmedToast')))}
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
      ) : null}
    </section>
  );
}

function RollCall({ rollCall, defaultOpen, pending, onConfirm }: { rollCall: RollCallView; defaultOpen: boolean; pending: boolean; onConfirm: (present: string[]) => void }) {
  const t = useTranslations('protocol.room.rollCall');
  const tRoles = useTranslations('roles');
  const format = useFormatter();
  const [present, setPresent] = useState(
    () => new Set(rollCall.delegations.flatMap((d) => d.members.filter((m) => m.confirmedAt !== null || m.inRoom).map((m) => m.participantId))),
  );
  const toggle = (id: string, checked: boolean) =>
    setPresent((previous) => {
      const next = new Set(previous);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <details open={defaultOpen} className="rounded-md bg-white/5 p-2 text-sm" data-testid="roll-call">
      <summary className="cursor-pointer font-medium">{t('heading')}</summary>
      <form
        className="mt-2 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm([...present]);
        }}
      >
        {rollCall.canConfirm ? <p className="text-white/70">{t('hint')}</p> : null}
        {rollCall.delegations.map((delegation) => (
          <fieldset key={delegation.id} className="flex flex-col gap-1">
            <legend className="mb-1 font-medium">{delegation.name}</legend>
            {delegation.members.map((member) => (
              <label key={member.participantId} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  disabled={!rollCall.canConfirm}
                  checked={present.has(member.participantId)}
                  onChange={(event) => toggle(member.participantId, event.target.checked)}
                />
                <span>{member.name}</span>
                <span className="text-xs text-white/60">{tRoles(member.role as 'organiser')}</span>
                {member.inRoom ? <span className="rounded-full bg-emerald-400/20 px-2 text-xs text-emerald-100">{t('inRoom')}</span> : null}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center gap-3">
          {rollCall.canConfirm ? (
            <button type="submit" className="rounded-md bg-white px-3 py-1.5 font-medium text-[#0f1620] disabled:opacity-50" disabled={pending} data-testid="roll-call-confirm">
              {t('confirm', { count: present.size })}
            </button>
          ) : null}
          {rollCall.confirmedAt ? (
            <span className="text-xs text-white/60" role="status">
              {t('confirmedAt', { time: format.dateTime(new Date(rollCall.confirmedAt), { timeStyle: 'short' }) })}
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
