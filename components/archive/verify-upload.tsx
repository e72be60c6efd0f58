'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { VerifyResult, type VerifyResultData } from '@/components/archive/verify-result';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ErrorLike } from '@/lib/i18n/error-text';
import { isPdfRefusalCode } from '@accord/pdf-signing/inspection-rules';

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'checking' };

const fileReasons = ['NOT_A_PDF', 'ENCRYPTED', 'TRUNCATED', 'NO_PAGES', 'MALFORMED', 'TOO_COMPLEX', 'TIMEOUT', 'OUT_OF_MEMORY', 'TOO_LARGE', 'EMPTY'] as const;
type FileReason = (typeof fileReasons)[number];

/**
 * Sends a PDF to be verified with a progress bar (XMLHttpRequest reports upload progress;
 * fetch does not), then shows the verdict. Problems with the file are said beside it.
 */
export function VerifyUpload({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations('archive.verify');
  const tErrors = useTranslations('errors');
  const errorText = useErrorText();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string>();
  const [generalError, setGeneralError] = useState<string>();
  const [result, setResult] = useState<VerifyResultData>();
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;

  const tInspection = useTranslations('pdfInspection.reasons');
  const reasonText = (reason: string | undefined) =>
    reason && (fileReasons as readonly string[]).includes(reason)
      ? t(`reasons.${reason as FileReason}`, { max: maxMb })
      : isPdfRefusalCode(reason)
        ? tInspection(reason)
        : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    setGeneralError(undefined);
    if (!(file instanceof File) || file.size === 0) {
      setFileError(t('chooseFile'));
      return;
    }
    if (file.size > maxBytes) {
      setFileError(t('reasons.TOO_LARGE', { max: maxMb }));
      return;
    }
    setFileError(undefined);
    setResult(undefined);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/archive/verify');
    request.setRequestHeader('Content-Type', 'application/pdf');
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPhase({ kind: 'uploading', percent: Math.round((progress.loaded / progress.total) * 100) });
    };
    request.upload.onload = () => setPhase({ kind: 'checking' });
    request.onerror = () => {
      setPhase({ kind: 'idle' });
      setGeneralError(tErrors('SERVICE_UNAVAILABLE'));
    };
    request.onload = () => {
      setPhase({ kind: 'idle' });
      let body: { result?: VerifyResultData; error?: ErrorLike & { fieldErrors?: Record<string, string> } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = {};
      }
      if (request.status === 200 && body.result) {
        setResult(body.result);
        return;
      }
      const code = body.error?.code ?? (request.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL');
      const reason = reasonText(body.error?.fieldErrors?.file ?? (request.status === 413 ? 'TOO_LARGE' : undefined));
      if (reason) setFileError(reason);
      else setGeneralError(errorText(body.error ?? { code }));
    };
    setPhase({ kind: 'uploading', percent: 0 });
    request.send(file);
  };

  const busy = phase.kind !== 'idle';
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-label={t('title')}>
        {generalError ? <FormAlert tone="error">{generalError}</FormAlert> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="verify-file" className="text-sm font-medium">
            {t('file')}
          </label>
          <input
            id="verify-file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`verify-file-hint${fileError ? ' verify-file-error' : ''}`}
            className="rounded-md border border-line bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-navy/10 file:px-3 file:py-1 file:text-navy aria-[invalid=true]:border-danger"
          />
          <p id="verify-file-hint" className="text-sm text-muted">
            {t('fileHint', { max: maxMb })}
          </p>
          {fileError ? (
            <p id="verify-file-error" role="alert" className="text-sm text-danger" data-testid="verify-error">
              {fileError}
            </p>
          ) : null}
        </div>
        {busy ? (
          <div className="flex flex-col gap-1" aria-live="polite">
            <div
              role="progressbar"
              aria-label={t('progressLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase.kind === 'uploading' ? phase.percent : undefined}
              className="h-3 w-full overflow-hidden rounded-full bg-line"
            >
              <div
                className={`h-full bg-navy transition-[width] ${phase.kind === 'checking' ? 'animate-pulse' : ''}`}
                style={{ width: `${phase.kind === 'uploading' ? phase.percent : 100}%` }}
              />
            </div>
            <p className="text-sm text-muted">{phase.kind === 'uploading' ? t('uploading', { percent: phase.percent }) : t('checking')}</p>
          </div>
        ) : null}
        <div>
          <Button type="submit" disabled={busy}>
            {t('submit')}
          </Button>
        </div>
      </form>
      {result ? <VerifyResult result={result} /> : null}
    </div>
  );
}
