'use client';

import { BadgeCheck } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { concludeAction, openSigningAction, recordExchangeAction, type SigningActionResult } from '@/app/ceremonies/[id]/signing/actions';
import { SignatureCapture, type Capture } from '@/components/signing/signature-capture';
import { useSigningFocus } from '@/components/signing/signing-focus';
import { SigningSteps } from '@/components/signing/signing-steps-guide';
import { Button } from '@/components/ui/button';
import type { SigningStatus } from '@/lib/signing/load-signing-status';
import { consentLanguages, type ConsentLanguage } from '@/lib/signing/signing-consent';

/** Refusal reasons of the sign route (stable codes) and the text the panel says for each. */
const reasonMessages = {
  'not-your-turn': 'notYourTurn',
  'signing-closed': 'closed',
  'signing-not-open': 'notOpen',
  'already-signed': 'alreadySigned',
  'awaiting-exchange': 'awaitingExchange',
  'view-outdated': 'viewOutdated',
  'view-incomplete': 'viewIncomplete',
  'consent-changed': 'consentChanged',
  'signature-image-too-large': 'imageTooLarge',
  'signature-image-invalid': 'imageInvalid',
  'timestamp-authority-failed': 'timestampFailed',
} as const;
type KnownReason = keyof typeof reasonMessages;
const isKnownReason = (reason: string | undefined): reason is KnownReason => reason !== undefined && reason in reasonMessages;

/** Organiser actions still answer with English sentences; these are the ones the panel says in the viewer's language. */
const knownActionErrors: Record<string, (typeof reasonMessages)[KnownReason]> = {
  'Signing is closed.': 'closed',
  'Signing is not open yet.': 'notOpen',
};

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
  const [listOpen, setListOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const requestKey = useRef<string | null>(null);

  // A short notice when someone's signature lands ("Dr. Schäfer signed for LNI 4.0").
  const seen = useRef(new Set(status.documents.flatMap((d) => d.signatures.map((s) => s.id))));
  useEffect(() => {
    for (const signature of status.documents.flatMap((d) => d.signatures)) {
      if (seen.current.has(signature.id)) continue;
      seen.current.add(signature.id);
      if (signature.kind !== 'seal') toast.success(t('signedNotice', { name: signature.signerName, delegation: signature.delegationName }));
    }
  }, [status, t]);

  const consentLanguage: ConsentLanguage = (consentLanguages as readonly string[]).includes(locale) ? (locale as ConsentLanguage) : 'en';
  const consentText = status.consent[consentLanguage];
  const describeActionError = (message: string) => (knownActionErrors[message] ? t(`errors.${knownActionErrors[message]}`) : message);

  async function confirm(capture: Capture) {
    setBusy(true);
    setError(null);
    requestKey.current ??= crypto.randomUUID();
    try {
      const response = await fetch(`/api/ceremonies/${ceremonyId}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: requestKey.current, capture, viewed: focus.viewed(), consent: { language: consentLanguage, text: consentText } }),
      });
      const body = (await response.json()) as { error?: { message: string; reason?: string } };
      if (!response.ok) {
        const reason = body.error?.reason;
        setError(isKnownReason(reason) ? t(`errors.${reasonMessages[reason]}`) : (body.error?.message ?? t('errors.generic')));
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

  function organiserAction(action: (id: string) => Promise<SigningActionResult>) {
    startTransition(async () => {
      const result = await action(ceremonyId);
      if (!result.ok) toast.error(describeActionError(result.message));
      router.refresh();
    });
  }

  const isOrganiser = status.myRole === 'organiser';
  const concluded = status.state === 'CONCLUDED' || status.state === 'ARCHIVED';
  const sharedPrefix = sharedTitlePrefix(status.documents.map((document) => document.title));
  return (
    <section aria-labelledby="signing-heading" className="flex flex-col gap-3 rounded-lg border border-white/15 bg-white/5 p-4 text-white" data-testid="signing-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 id="signing-heading" className="font-serif text-lg">
          {t('title')}
        </h2>
        <span className="rounded-full bg-white/10 px-2 py-0.5 text-xs" data-testid="signing-state">
          {status.signingOpen ? t('state.open') : concluded ? t('state.concluded') : t('state.notOpen')}
        </span>
      </div>

      {concluded ? (
        <div role="status" className="flex gap-3 rounded-md border border-amber-200/40 bg-amber-100/5 px-3 py-2" data-testid="concluded-notice">
          <BadgeCheck aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-amber-100" />
          <div className="flex flex-col gap-1">
            <p className="font-serif text-base text-amber-50">{t('concluded.heading')}</p>
            <p className="text-sm text-white/80">{t('concluded.body')}</p>
            {isOrganiser && status.state === 'CONCLUDED' ? <p className="text-sm text-white/70">{t('concluded.organiserHint')}</p> : null}
          </div>
        </div>
      ) : null}

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
            review={
              <div className="flex flex-col gap-2 text-sm" data-testid="signing-review-documents">
                <p className="font-medium">{t('steps.reviewList', { count: new Set(focus.steps.map((step) => step.documentId)).size })}</p>
                <ul className="list-disc pl-5 text-white/80">
                  {[...new Map(focus.steps.map((step) => [step.documentId, step])).values()].map((step) => (
                    <li key={step.documentId} data-testid="signing-review-document">
                      {step.title}
                    </li>
                  ))}
                </ul>
                <p className="rounded-md border border-white/20 bg-black/20 p-2 text-white/85" data-testid="signing-consent" lang={consentLanguage}>
                  {consentText}
                </p>
              </div>
            }
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-300">
          {error}
        </p>
      ) : null}

      {isOrganiser && (status.state === 'LIVE' || status.signingOpen) ? (
        <div className="flex flex-wrap gap-2 border-t border-white/10 pt-3">
          {status.state === 'LIVE' ? (
            <Button type="button" disabled={pending} onClick={() => organiserAction(openSigningAction)}>
              {t('organiser.open')}
            </Button>
          ) : null}
          {status.signingOpen && status.exchange.needed && !status.exchange.done ? (
            <Button type="button" variant="secondary" disabled={pending || !status.exchange.ready} onClick={() => organiserAction(recordExchangeAction)}>
              {t('organiser.exchange')}
            </Button>
          ) : null}
          {status.signingOpen ? (
            <Button type="button" disabled={pending || !status.allSigned} onClick={() => organiserAction(concludeAction)}>
              {t('organiser.conclude')}
            </Button>
          ) : null}
          {pending ? (
            <p role="status" className="basis-full text-sm text-white/75" data-testid="organiser-working">
              {t('organiser.working')}
            </p>
          ) : null}
        </div>
      ) : null}

      {/* On a phone the panel is pinned under the agreement: the list of originals folds away so Sign and the page keep the screen. */}
      <button
        type="button"
        className="self-start rounded-md px-2 py-1 text-xs text-white/70 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-amber-300 lg:hidden"
        aria-expanded={listOpen}
        aria-controls="signing-documents"
        onClick={() => setListOpen((open) => !open)}
        data-testid="toggle-signing-documents"
      >
        {listOpen ? t('hideDocuments') : t('showDocuments', { count: status.documents.length })}
      </button>
      {sharedPrefix ? <p className={`text-xs text-white/60 ${listOpen ? '' : 'max-lg:hidden'}`}>{sharedPrefix.replace(/\s*—\s*$/, '')}</p> : null}
      <ul id="signing-documents" className={`grid gap-2 text-sm xl:grid-cols-2 ${listOpen ? '' : 'max-lg:hidden'}`}>
        {status.documents.map((document) => (
          <li key={document.id} className="rounded-md bg-black/20 p-2" data-testid="signing-document">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium" title={document.title}>
                {document.title.slice(sharedPrefix.length)}
              </span>
              {status.myRole === 'signatory' || status.myRole === 'witness' ? (
                <span className="text-xs text-white/70" data-testid="my-status">
                  {t(`myStatus.${shownStatus(status, document.myStatus)}`)}
                </span>
              ) : null}
            </div>
            <ul className="mt-1 flex flex-col gap-0.5 text-xs text-white/80">
              {document.signatures.map((signature) => (
                <li key={signature.id} data-testid="signature-entry">
                  {signature.kind === 'seal' ? t('sealed') : t('signedBy', { name: signature.signerName, delegation: signature.delegationName })}
                </li>
              ))}
              {document.signatures.length === 0 ? <li>{t('noSignatures')}</li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Your turn" only while signing is open and nothing else holds the signer back. */
function shownStatus(status: SigningStatus, myStatus: SigningStatus['documents'][number]['myStatus']) {
  if (myStatus === 'signed' || myStatus === 'no-fields') return myStatus;
  if (!status.signingOpen) return 'not-open';
  if (myStatus === 'sign-now' && !status.fullPowersApproved) return 'locked';
  return myStatus;
}

/**
 * "Joint Declaration … — English (LNI 4.0 original)", "… — Deutsch (…)": the part every
 * title shares up to its last " — ", said once above the list instead of in every entry.
 */
function sharedTitlePrefix(titles: string[]): string {
  if (titles.length < 2) return '';
  const [first, ...rest] = titles;
  let cut = first!.lastIndexOf(' — ');
  while (cut > 0) {
    const prefix = first!.slice(0, cut + 3);
    if (rest.every((title) => title.startsWith(prefix) && title.length > prefix.length)) return prefix;
    cut = first!.lastIndexOf(' — ', cut - 1);
  }
  return '';
}
