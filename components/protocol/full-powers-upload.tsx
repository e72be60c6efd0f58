'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ErrorLike } from '@/lib/i18n/error-text';
import { isPdfRefusalCode } from '@accord/pdf-signing/inspection-rules';

const fileReasons = ['NOT_A_PDF', 'ENCRYPTED', 'TRUNCATED', 'NO_PAGES', 'MALFORMED', 'TOO_COMPLEX', 'TIMEOUT', 'OUT_OF_MEMORY', 'TOO_LARGE', 'EMPTY'] as const;
type FileReason = (typeof fileReasons)[number];

/**
 * Uploads one signatory's full-powers letter (the PDF is the request body, streamed by the
 * server and checked off the request thread like an agreement). Problems beside the field.
 */
export function FullPowersUpload({
  ceremonyId,
  participantId,
  signatoryName,
  maxBytes,
}: {
  ceremonyId: string;
  participantId: string;
  signatoryName: string;
  maxBytes: number;
}) {
  const t = useTranslations('protocol.fullPowers');
  const tReasons = useTranslations('schedule.upload.reasons');
  const tInspection = useTranslations('pdfInspection.reasons');
  const tErrors = useTranslations('errors');
  const errorText = useErrorText();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const inputId = `full-powers-file-${participantId}`;
  const errorId = `${inputId}-error`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return setError(t('chooseFile'));
    if (file.size > maxBytes) return setError(tReasons('TOO_LARGE', { max: maxMb }));
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ participantId, fileName: file.name });
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/full-powers?${query.toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/pdf' },
        body: file,
      });
      if (response.ok) {
        toast.success(t('uploaded', { name: signatoryName }));
        formRef.current?.reset();
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { error?: ErrorLike & { fieldErrors?: Record<string, string> } };
      const reason = body.error?.fieldErrors?.file ?? (response.status === 413 ? 'TOO_LARGE' : undefined);
      setError(
        isPdfRefusalCode(reason)
          ? tInspection(reason)
          : reason && (fileReasons as readonly string[]).includes(reason)
            ? tReasons(reason as FileReason, { max: maxMb })
            : errorText(body.error ?? { code: 'INTERNAL' }),
      );
    } catch {
      setError(tErrors('SERVICE_UNAVAILABLE'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} className="flex flex-col gap-2" noValidate data-testid="full-powers-upload">
      <label htmlFor={inputId} className="text-sm font-medium">
        {t('file', { name: signatoryName })}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={inputId}
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="rounded-md border border-line bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-navy/10 file:px-3 file:py-1 file:text-navy aria-[invalid=true]:border-danger"
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t('checking') : t('upload')}
        </Button>
      </div>
      <p className="text-sm text-muted">{t('fileHint', { max: maxMb })}</p>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
