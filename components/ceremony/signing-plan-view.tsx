import { ArrowLeftRight, PenLine } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { PlanStep } from '@/lib/signing/decide-signing';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/** The signing plan as numbered steps, with names instead of ids. */
export async function SigningPlanView({
  plan,
  participantNames,
  delegationNames,
}: {
  plan: PlanStep[];
  participantNames: Map<string, string>;
  delegationNames: Map<string, string>;
}) {
  const t = await getTranslations('schedule.plan');
  if (plan.length === 0) return <p className="text-sm text-muted">{t('empty')}</p>;
  const party = (id: string) => delegationNames.get(id) ?? '?';
  return (
    <ol className="flex flex-col gap-3" data-testid="signing-plan">
      {plan.map((step) => (
        <li key={step.number} className="flex gap-3 rounded-md border border-line p-3">
          <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-navy text-sm text-white">{step.number}</span>
          <div className="text-sm">
            {step.kind === 'sign' ? (
              <>
                <p className="flex items-center gap-2 font-medium">
                  <PenLine aria-hidden className="h-4 w-4" />
                  {step.signatures.length > 1 ? t('signTogether') : t('sign')}
                </p>
                <ul className="mt-1 list-disc pl-5">
                  {step.signatures.map((signature) => (
                    <li key={`${signature.participantId}-${signature.originalOf ?? 'shared'}`}>
                      {signature.originalOf
                        ? t(
                            'signsOriginal',
                            withFinalSounds({
                              name: participantNames.get(signature.participantId) ?? '?',
                              party: party(signature.delegationId),
                              original: party(signature.originalOf),
                            }),
                          )
                        : t('signs', withFinalSounds({ name: participantNames.get(signature.participantId) ?? '?', party: party(signature.delegationId) }))}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <p className="flex items-center gap-2 font-medium">
                  <ArrowLeftRight aria-hidden className="h-4 w-4" />
                  {step.final ? t('returnOriginals') : t('exchange')}
                </p>
                <ul className="mt-1 list-disc pl-5">
                  {step.transfers.map((transfer) => (
                    <li key={transfer.originalOf}>
                      {t('transfer', { original: party(transfer.originalOf), from: party(transfer.fromDelegationId), to: party(transfer.toDelegationId) })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
