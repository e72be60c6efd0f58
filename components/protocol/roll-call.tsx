'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RollCallView } from '@/lib/protocol/load-room-programme';

/**
 * The roll call during the opening: who is present, by delegation (ticked when confirmed
 * before or in the room now); the organiser confirms it once, and it then says when.
 */
export function RollCall({
  rollCall,
  defaultOpen,
  pending,
  onConfirm,
}: {
  rollCall: RollCallView;
  defaultOpen: boolean;
  pending: boolean;
  onConfirm: (present: string[]) => void;
}) {
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
            <button
              type="submit"
              className="rounded-md bg-white px-3 py-1.5 font-medium text-[#0f1620] disabled:opacity-50"
              disabled={pending}
              data-testid="roll-call-confirm"
            >
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
