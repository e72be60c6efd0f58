'use client';

import { Check, ChevronLeft, ChevronRight, Eye } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useSigningFocus } from '@/components/signing/signing-focus';
import { isLocale } from '@/lib/i18n/locales';

/**
 * What this confirmation signs, field by field: the original (language and party), the page
 * and the field, with the viewer held on the current one. A tick once it was on screen.
 */
export function SigningSteps() {
  const t = useTranslations('signing.steps');
  const tLanguages = useTranslations('common.languageNames');
  const focus = useSigningFocus();
  const changed = focus.changedDocuments;
  if (!focus.active || focus.steps.length === 0) return null;
  const step = focus.steps[focus.index]!;
  const fieldLabel = (kind: string) => t(`kind.${kind === 'initials' ? 'initials' : kind === 'witness' ? 'witness' : 'signature'}`);
  const describe = (candidate: typeof step) => {
    const language = isLocale(candidate.language) ? tLanguages(candidate.language) : candidate.language;
    return candidate.partyName ? t('original', { language, party: candidate.partyName }) : language;
  };
  return (
    <section
      aria-labelledby="signing-steps-heading"
      className="flex flex-col gap-2 rounded-md border border-amber-300/40 bg-amber-100/5 p-3"
      data-testid="signing-steps"
    >
      <h3 id="signing-steps-heading" className="text-sm font-medium text-amber-50">
        {t('heading', { count: focus.steps.length })}
      </h3>
      <div
        className="flex flex-col gap-0.5 text-sm"
        aria-live="polite"
        data-testid="signing-step-current"
        data-document-id={step.documentId}
        data-page={step.page}
      >
        <p className="font-medium">
          {t('position', { index: focus.index + 1, count: focus.steps.length })} · {describe(step)}
        </p>
        <p className="text-white/80">
          {t('where', {
            page: step.page,
            fields: step.fields.length > 0 ? step.fields.map((field) => fieldLabel(field.kind)).join(', ') : t('noField'),
          })}
        </p>
        <p className="truncate text-xs text-white/60" title={step.title}>
          {step.title}
        </p>
      </div>
      {changed.length > 0 ? (
        <p role="alert" className="rounded-md bg-amber-300/20 px-2 py-1 text-sm text-amber-50" data-testid="signing-document-changed">
          {t('changed')}
        </p>
      ) : null}
      <ol className="flex flex-wrap gap-1" aria-label={t('list')}>
        {focus.steps.map((candidate, index) => {
          const seen = focus.stepSeen(index);
          return (
            <li key={`${candidate.documentId}-${candidate.page}`}>
              <button
                type="button"
                onClick={() => focus.goTo(index)}
                aria-current={index === focus.index ? 'step' : undefined}
                aria-label={`${t('position', { index: index + 1, count: focus.steps.length })}: ${describe(candidate)}, ${t('page', { page: candidate.page })}${seen ? `, ${t('seen')}` : ''}`}
                className={`inline-flex items-center gap-1 rounded-md border px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-amber-300 ${index === focus.index ? 'border-amber-300 bg-amber-300/20' : 'border-white/25'}`}
                data-testid="signing-step"
                data-seen={seen ? 'yes' : 'no'}
              >
                {seen ? <Check aria-hidden className="size-3.5 text-emerald-300" /> : <Eye aria-hidden className="size-3.5 text-white/60" />}
                {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      {focus.steps.length > 1 ? (
        <div className="flex gap-2">
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40"
            disabled={focus.index === 0}
            onClick={() => focus.goTo(focus.index - 1)}
            data-testid="signing-step-previous"
          >
            <ChevronLeft aria-hidden className="size-4" />
            {t('previous')}
          </button>
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded-md border border-white/30 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-amber-300 disabled:opacity-40"
            onClick={focus.advance}
            data-testid="signing-step-next"
          >
            {t('next')}
            <ChevronRight aria-hidden className="size-4" />
          </button>
        </div>
      ) : null}
    </section>
  );
}
