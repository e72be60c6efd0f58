import { getTranslations } from 'next-intl/server';
import { isPlanEditable } from '@/lib/access/access-sets';

/** Says what a change will do: nothing yet, or re-send every invitation with the next SEQUENCE. */
export async function CeremonyEditNotice({ state, invitationsSent, sequence }: { state: string; invitationsSent: boolean; sequence: number }) {
  const t = await getTranslations('schedule.edit');
  const text = !isPlanEditable(state) ? t('notEditable') : invitationsSent ? t('resendNote', { next: sequence + 1 }) : null;
  if (!text) return null;
  return <p className="rounded-md border border-gold/40 bg-gold/10 px-4 py-3 text-sm">{text}</p>;
}
