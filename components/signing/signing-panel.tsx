'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { ConcludedNotice } from '@/components/signing/concluded-notice';
import { OrganiserSigningActions } from '@/components/signing/organiser-signing-actions';
import { SignatureCapture, type Capture } from '@/components/signing/signature-capture';
import { useSigningFocus } from '@/components/signing/signing-focus';
import { SigningDocumentsList } from '@/components/signing/signing-documents-list';
import { SigningReviewSummary } from '@/components/signing/signing-review-summary';
import { SigningSteps } from '@/components/signing/signing-steps-guide';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ActionResult } from '@/lib/actions/action-result';
import type { ErrorLike } from '@/lib/i18n/error-text';
import type { SigningStatus } from '@/lib/signing/load-signing-status';
import { consentLanguages, type ConsentLanguage } from '@/lib/signing/signing-consent';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

/**
 * The signing side of the room: who has signed what, and for a signatory whose turn it is
 * the capture → review → confirm flow. The page re-renders it with fresh status after
 * every state message from the server (and after our own actions).
 */
export function SigningPanel({ ceremonyId, status, myName }: { ceremonyId: string; status: SigningStatus; myName: string }) {
  const t = useTranslations('signing');
  const router = useRouter();
  const locale = useLocale();
  const focus = useSigningFocus();
  const capturing = focus.active;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorText = useErrorText();
  const requestKey = useRef<string | null>(null);

  // A short notice when someone's signature lands ("Dr. Schäfer signed for LNI 4.0").
  const seen = useRef(new Set(status.documents.flatMap((d) => d.signatures.map((s) => s.id))));
  useEffect(() => {
    for (const signature of status.documents.flatMap((d) => d.signatures)) {
      if (seen.current.has(signature.id)) continue;
      seen.current.add(signature.id);
      if (signature.kind !== 'seal') toast.success(t('signedNotice', withFinalSounds({ name: signature.signerName, delegation: signature.delegationName })));
    }
  }, [status, t]);

  const consentLanguage: ConsentLanguage = (consentLanguages as readonly string[]).includes(locale) ? (locale as ConsentLanguage) : 'en';
  const consentText = status.consent[consentLanguage];

  async function confirm(capture: Capture) {
    setBusy(true);
    setError(null);
    requestKey.current ??= crypto.randomUUID();
    try {
      const response = await fetch(`/api/ceremonies/${ceremonyId}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: requestKey.current,
          capture,
          viewed: focus.viewed(),
          consent: { language: consentLanguage, text: consentText },
        }),
      });
      const body = (await response.json()) as { error?: ErrorLike };
      if (!response.ok) {
        const reason = body.error?.reason;
        setError(body.error?.code ? errorText(body.error) : t('errors.generic'));
        // The document or the wording changed under the signer's eyes: fetch what is current, and let them look again.
        if (reason === 'view-outdated' || reason === 'consent-changed') router.refresh();
        return;
      }
      focus.end();
      requestKey.current = null;
      router.refresh();
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  function organiserAction(action: (id: string) => Promise<ActionResult>) {
    startTransition(async () => {
      const result = await action(ceremonyId);
      if (!result.ok) toast.error(errorText(result));
      router.refresh();
    });
  }

  const isOrganiser = status.myRole === 'organiser';
  const concluded = status.state === 'CONCLUDED' || status.state === 'ARCHIVED';
  return (
    <section
      aria-labelledby="signing-heading"
      className="flex flex-col gap-3 rounded-lg border border-white/15 bg-white/5 p-4 text-white"
      data-testid="signing-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="signing-heading" className="font-serif text-lg">
          {t('title')}
        </h2>
        <span className="rounded-full bg-white/10 px-2 py-0.5 text-xs" data-testid="signing-state">
          {status.signingOpen ? t('state.open') : concluded ? t('state.concluded') : t('state.notOpen')}
        </span>
      </div>

      {concluded ? <ConcludedNotice organiserHint={isOrganiser && status.state === 'CONCLUDED'} /> : null}

      {status.myRole === 'signatory' && !status.fullPowersApproved ? (
        <p role="status" className="text-sm text-amber-200">
          {t('fullPowersPending')}
        </p>
      ) : null}

      {status.signingOpen && status.canSignNow && status.fullPowersApproved && !capturing ? (
        <Button
          type="button"
          onClick={() => {
            setError(null);
            focus.begin();
          }}
          data-testid="sign-now"
        >
          {t('signNow', { count: status.documents.filter((d) => d.myStatus === 'sign-now').length })}
        </Button>
      ) : null}
      {capturing ? (
        <div className="flex flex-col gap-3">
          <SigningSteps />
          <SignatureCapture
            defaultName={myName}
            busy={busy}
            onConfirm={confirm}
            onCancel={focus.end}
            onPreviewChange={focus.setPreview}
            mayConfirm={focus.allSeen}
            confirmBlockedHint={t('steps.confirmBlocked', { seen: focus.steps.filter((_, index) => focus.stepSeen(index)).length, count: focus.steps.length })}
            review={<SigningReviewSummary steps={focus.steps} consentText={consentText} consentLanguage={consentLanguage} />}
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-300">
          {error}
        </p>
      ) : null}

      {isOrganiser && (status.state === 'LIVE' || status.signingOpen) ? (
        <OrganiserSigningActions status={status} pending={pending} onAction={organiserAction} />
      ) : null}

      <SigningDocumentsList status={status} />
    </section>
  );
}
