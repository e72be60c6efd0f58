'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ErrorLike } from '@/lib/i18n/error-text';
import { PreflightSummary, type UploadPreflight } from '@/components/ceremony/documents/preflight-summary';
import { locales } from '@/lib/i18n/locales';
import { isPdfRefusalCode, PDF_REFUSALS, type PdfFindingKind } from '@accord/pdf-signing/inspection-rules';
import { withFinalSounds } from '@/lib/i18n/korean-particle';

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'checking' };

interface UploadError {
  file?: string;
  title?: string;
  language?: string;
  general?: string;
}

const fileReasons = ['TOO_LARGE', 'EMPTY', 'DUPLICATE'] as const;
type FileReason = (typeof fileReasons)[number];

/**
 * Uploads one language version with a progress bar (XMLHttpRequest reports upload
 * progress; fetch does not), then waits while the server checks the file. Problems are
 * said beside the field that caused them; a refusal that a clean copy cures offers to
 * send the same file again for one; a good upload shows the inspector's pre-flight summary.
 */
export function AgreementUpload({
  ceremonyId,
  maxBytes,
  delegations,
  disabled,
}: {
  ceremonyId: string;
  maxBytes: number;
  delegations: { id: string; name: string }[];
  disabled: boolean;
}) {
  const t = useTranslations('schedule.upload');
  const tLanguages = useTranslations('common.languageNames');
  const tFields = useTranslations('schedule.fieldErrors');
  const tErrors = useTranslations('errors');
  const errorText = useErrorText();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<UploadError>({});
  const [accepted, setAccepted] = useState<UploadPreflight | null>(null);
  const [cleanCopyOffer, setCleanCopyOffer] = useState(false);
  const lastUpload = useRef<{ file: File; query: URLSearchParams } | null>(null);
  const tInspection = useTranslations('pdfInspection');
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;

  const reasonText = (reason: string | undefined, found?: string | number, fallback?: string) => {
    if (isPdfRefusalCode(reason)) {
      const kinds = typeof found === 'string' && found ? found.split(',') : [];
      const list = kinds
        .map((kind) => (tInspection.has(`findings.${kind as PdfFindingKind}`) ? tInspection(`findings.${kind as PdfFindingKind}`) : kind))
        .join(', ');
      return [tInspection(`reasons.${reason}`), list ? tInspection('found', { list }) : ''].filter(Boolean).join(' ');
    }
    return reason && (fileReasons as readonly string[]).includes(reason) ? t(`reasons.${reason as FileReason}`, { max: maxMb }) : fallback;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const title = String(form.get('title') ?? '').trim();
    const problems: UploadError = {};
    if (!(file instanceof File) || file.size === 0) problems.file = t('chooseFile');
    else if (file.size > maxBytes) problems.file = t('reasons.TOO_LARGE', { max: maxMb });
    if (!title) problems.title = tFields('required');
    setError(problems);
    if (problems.file || problems.title || !(file instanceof File)) return;

    const query = new URLSearchParams({
      language: String(form.get('language') ?? 'en'),
      title,
      fileName: file.name,
      authentic: form.get('authentic') ? '1' : '0',
      originalForDelegationId: String(form.get('originalForDelegationId') ?? ''),
    });
    send(file, query);
  };

  const send = (file: File, query: URLSearchParams) => {
    lastUpload.current = { file, query };
    setAccepted(null);
    setCleanCopyOffer(false);
    const title = query.get('title') ?? '';
    const request = new XMLHttpRequest();
    request.open('POST', `/api/ceremonies/${ceremonyId}/documents?${query.toString()}`);
    request.setRequestHeader('Content-Type', 'application/pdf');
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPhase({ kind: 'uploading', percent: Math.round((progress.loaded / progress.total) * 100) });
    };
    request.upload.onload = () => setPhase({ kind: 'checking' });
    request.onerror = () => {
      setPhase({ kind: 'idle' });
      setError({ general: tErrors('SERVICE_UNAVAILABLE') });
    };
    request.onload = () => {
      setPhase({ kind: 'idle' });
      if (request.status === 201) {
        try {
          const { document } = JSON.parse(request.responseText) as { document: { preflight: UploadPreflight['preflight'] } };
          setAccepted({ title, language: query.get('language') ?? 'en', preflight: document.preflight });
        } catch {
          setAccepted(null);
        }
        lastUpload.current = null;
        toast.success(t('uploaded', withFinalSounds({ title })));
        formRef.current?.reset();
        setError({});
        router.refresh();
        return;
      }
      let body: { error?: ErrorLike & { fieldErrors?: Record<string, string> } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = {};
      }
      const fieldErrors = body.error?.fieldErrors ?? {};
      const code = body.error?.code ?? (request.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL');
      const next: UploadError = {};
      next.file = reasonText(fieldErrors.file ?? (request.status === 413 ? 'TOO_LARGE' : undefined), body.error?.params?.found);
      setCleanCopyOffer(isPdfRefusalCode(fieldErrors.file) && PDF_REFUSALS[fieldErrors.file].cleanCopyRemoves && query.get('cleanCopy') !== '1');
      if (!next.file && (code === 'UNPROCESSABLE_DOCUMENT' || code === 'UNSUPPORTED_MEDIA_TYPE')) next.file = tErrors(code);
      if (fieldErrors.title) next.title = tFields.has(fieldErrors.title as 'invalid') ? tFields(fieldErrors.title as 'invalid') : tFields('invalid');
      if (fieldErrors.language)
        next.language = tFields.has(fieldErrors.language as 'invalid') ? tFields(fieldErrors.language as 'invalid') : tFields('invalid');
      if (!next.file && !next.title && !next.language) next.general = errorText(body.error ?? { code });
      setError(next);
    };
    setPhase({ kind: 'uploading', percent: 0 });
    request.send(file);
  };

  const busy = phase.kind !== 'idle';
  const fileErrorId = 'agreement-file-error';
  return (
    <form ref={formRef} onSubmit={submit} className="flex flex-col gap-4" noValidate aria-label={t('heading')}>
      {error.general ? <FormAlert tone="error">{error.general}</FormAlert> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="agreement-file" className="text-sm font-medium">
          {t('file')}
        </label>
        <input
          id="agreement-file"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          disabled={disabled || busy}
          aria-invalid={error.file ? true : undefined}
          aria-describedby={`agreement-file-hint${error.file ? ` ${fileErrorId}` : ''}`}
          className="rounded-md border border-line bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-navy/10 file:px-3 file:py-1 file:text-navy aria-[invalid=true]:border-danger"
        />
        <p id="agreement-file-hint" className="text-sm text-muted">
          {t('fileHint', { max: maxMb })}
        </p>
        {error.file ? (
          <p id={fileErrorId} role="alert" className="text-sm text-danger" data-testid="upload-error">
            {error.file}
          </p>
        ) : null}
        {cleanCopyOffer ? (
          <div className="flex flex-col items-start gap-2 text-sm" data-testid="clean-copy-offer">
            <p>{tInspection('cleanCopy.offer')}</p>
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => {
                const last = lastUpload.current;
                if (!last) return;
                const query = new URLSearchParams(last.query);
                query.set('cleanCopy', '1');
                setError({});
                send(last.file, query);
              }}
            >
              {tInspection('cleanCopy.button')}
            </Button>
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField id="agreement-title" name="title" label={t('title')} error={error.title} required disabled={disabled || busy} />
        <SelectField id="agreement-language" name="language" label={t('language')} error={error.language} disabled={disabled || busy}>
          {locales.map((code) => (
            <option key={code} value={code}>
              {tLanguages(code)}
            </option>
          ))}
        </SelectField>
        <SelectField id="agreement-original-for" name="originalForDelegationId" label={t('originalFor')} disabled={disabled || busy}>
          <option value="">{t('sharedOriginal')}</option>
          {delegations.map((delegation) => (
            <option key={delegation.id} value={delegation.id}>
              {delegation.name}
            </option>
          ))}
        </SelectField>
        <CheckboxField id="agreement-authentic" name="authentic" label={t('authentic')} defaultChecked disabled={disabled || busy} className="self-end pb-2" />
      </div>
      {phase.kind !== 'idle' ? (
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
      {accepted ? <PreflightSummary upload={accepted} /> : null}
      <div>
        <Button type="submit" disabled={disabled || busy}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
