'use client';

import { useTranslations } from 'next-intl';
import type { SigningStep } from '@/lib/signing/signing-steps';

/** In the review: every document the signature goes on, and the consent text it is given with. */
export function SigningReviewSummary({ steps, consentText, consentLanguage }: { steps: SigningStep[]; consentText: string; consentLanguage: string }) {
  const t = useTranslations('signing');
  const documents = [...new Map(steps.map((step) => [step.documentId, step])).values()];
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="signing-review-documents">
      <p className="font-medium">{t('steps.reviewList', { count: documents.length })}</p>
      <ul className="list-disc pl-5 text-white/80">
        {documents.map((step) => (
          <li key={step.documentId} data-testid="signing-review-document">
            {step.title}
          </li>
        ))}
      </ul>
      <p className="rounded-md border border-white/20 bg-black/20 p-2 text-white/85" data-testid="signing-consent" lang={consentLanguage}>
        {consentText}
      </p>
    </div>
  );
}
