'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import SignaturePad from 'signature_pad';
import { Button } from '@/components/ui/button';

export type Capture = { drawnPngBase64: string } | { typed: string };

/**
 * Draw (pointer or touch) or type a signature, then review it before confirming. Typing is
 * the keyboard path; both produce what the server draws into the signature field. While
 * reviewing, the signature is also drawn in place on the page (`onPreviewChange`); Confirm
 * waits for `mayConfirm` (every field due was shown).
 */
export function SignatureCapture({
  defaultName,
  busy,
  onConfirm,
  onCancel,
  onPreviewChange,
  mayConfirm = true,
  confirmBlockedHint,
  review,
}: {
  defaultName: string;
  busy: boolean;
  onConfirm: (capture: Capture) => void;
  onCancel: () => void;
  onPreviewChange?: (preview: { typed?: string; drawnDataUrl?: string } | null) => void;
  mayConfirm?: boolean;
  confirmBlockedHint?: string;
  /** What the confirmation signs and the consent text, shown above Confirm. */
  review?: ReactNode;
}) {
  const t = useTranslations('signing.capture');
  const [mode, setMode] = useState<'draw' | 'type'>('type');
  const [typed, setTyped] = useState(defaultName);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);

  useEffect(() => {
    if (mode !== 'draw' || reviewing || !canvasRef.current) return;
    const canvas = canvasRef.current;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#14286b', minWidth: 0.8, maxWidth: 2.6 });
    pad.addEventListener('endStroke', () => setDrawn(pad.isEmpty() ? null : pad.toDataURL('image/png')));
    padRef.current = pad;
    return () => pad.off();
  }, [mode, reviewing]);

  // The page shows the signature in place while it is being reviewed, and forgets it afterwards.
  useEffect(() => {
    if (!onPreviewChange) return;
    onPreviewChange(reviewing ? (mode === 'type' ? { typed: typed.trim() } : { drawnDataUrl: drawn ?? undefined }) : null);
  }, [drawn, mode, onPreviewChange, reviewing, typed]);
  useEffect(() => () => onPreviewChange?.(null), [onPreviewChange]);

  const ready = mode === 'type' ? typed.trim().length > 0 : drawn !== null;
  const capture = (): Capture => (mode === 'type' ? { typed: typed.trim() } : { drawnPngBase64: drawn!.replace(/^data:image\/png;base64,/, '') });

  return (
    <div className="flex flex-col gap-4" data-testid="signature-capture">
      {!reviewing ? (
        <>
          <div role="tablist" aria-label={t('how')} className="flex gap-2">
            {(['type', 'draw'] as const).map((option) => (
              <button
                key={option}
                role="tab"
                type="button"
                aria-selected={mode === option}
                onClick={() => setMode(option)}
                className={`rounded-md border px-3 py-1 text-sm ${mode === option ? 'border-gold bg-gold/20 text-white' : 'border-white/30 text-white/80'}`}
              >
                {t(option)}
              </button>
            ))}
          </div>
          {mode === 'type' ? (
            <div className="flex flex-col gap-1">
              <label htmlFor="typed-signature" className="text-sm text-white/80">
                {t('typeLabel')}
              </label>
              <input
                id="typed-signature"
                value={typed}
                maxLength={120}
                onChange={(event) => setTyped(event.target.value)}
                className="rounded-md border border-white/30 bg-white px-3 py-2 text-2xl text-ink"
                style={{ fontFamily: 'var(--font-handwriting), cursive' }}
              />
            </div>
          ) : (
            <div className="flex flex-col gap-2">
              <p className="text-sm text-white/80">{t('drawHint')}</p>
              <canvas ref={canvasRef} aria-label={t('drawArea')} className="h-40 w-full touch-none rounded-md bg-white" />
              <Button
                type="button"
                variant="ghost"
                className="self-start text-white"
                onClick={() => {
                  padRef.current?.clear();
                  setDrawn(null);
                }}
              >
                {t('clear')}
              </Button>
            </div>
          )}
          <div className="flex gap-2">
            <Button type="button" disabled={!ready} onClick={() => setReviewing(true)}>
              {t('review')}
            </Button>
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('cancel')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-white/80">{t('reviewHint')}</p>
          <div className="flex h-32 items-center justify-center rounded-md bg-white" data-testid="signature-preview">
            {mode === 'type' ? (
              <span className="text-4xl text-[#14286b]" style={{ fontFamily: 'var(--font-handwriting), cursive' }}>
                {typed.trim()}
              </span>
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- a local data URL preview, not a remote image
              <img src={drawn ?? ''} alt={t('drawnPreview')} className="max-h-28" />
            )}
          </div>
          {review}
          {!mayConfirm && confirmBlockedHint ? (
            <p id="confirm-blocked-hint" className="text-sm text-amber-200" data-testid="confirm-blocked">
              {confirmBlockedHint}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button
              type="button"
              disabled={busy || !mayConfirm}
              aria-describedby={!mayConfirm ? 'confirm-blocked-hint' : undefined}
              onClick={() => onConfirm(capture())}
            >
              {busy ? t('signing') : t('confirm')}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => setReviewing(false)}>
              {t('change')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
