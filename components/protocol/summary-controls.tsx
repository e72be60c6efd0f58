'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { toast } from 'sonner';
import { publishSummaryAction } from '@/app/ceremonies/[id]/protocol/actions';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/use-error-text';
import type { ErrorLike } from '@/lib/i18n/error-text';

const photoMaxBytes = 5 * 1024 * 1024;

/** The organiser's public summary: a photo still (PNG/JPEG) and publish / withdraw. */
export function SummaryControls({ ceremonyId, published, hasPhoto }: { ceremonyId: string; published: boolean; hasPhoto: boolean }) {
  const t = useTranslations('protocol.overview.summary');
  const tErrors = useTranslations('errors');
  const errorText = useErrorText();
  const describeError = useProtocolError();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [pending, startTransition] = useTransition();

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('photo');
    if (!(file instanceof File) || file.size === 0) return setPhotoError(t('choosePhoto'));
    if (file.size > photoMaxBytes) return setPhotoError(t('photoTooLarge'));
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setPhotoError(t('photoType'));
    setUploading(true);
    setPhotoError(null);
    try {
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/photo`, {
        method: 'POST',
        headers: { 'Content-Type': file.type },
        body: file,
      });
      if (response.ok) {
        toast.success(t('photoUploaded'));
        formRef.current?.reset();
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { error?: ErrorLike };
      const code = body.error?.code ?? 'INTERNAL';
      setPhotoError(code === 'PAYLOAD_TOO_LARGE' ? t('photoTooLarge') : code === 'UNSUPPORTED_MEDIA_TYPE' ? t('photoType') : errorText(body.error ?? { code }));
    } catch {
      setPhotoError(tErrors('SERVICE_UNAVAILABLE'));
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="summary-controls">
      <p className="text-sm text-muted">{t('hint')}</p>
      <form ref={formRef} onSubmit={(event) => void upload(event)} noValidate className="flex flex-col gap-1">
        <label htmlFor="summary-photo" className="text-sm font-medium">
          {hasPhoto ? t('replacePhoto') : t('photo')}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <input
            id="summary-photo"
            name="photo"
            type="file"
            accept="image/png,image/jpeg"
            disabled={uploading}
            aria-invalid={photoError ? true : undefined}
            aria-describedby={`summary-photo-hint${photoError ? ' summary-photo-error' : ''}`}
            className="rounded-md border border-line bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-navy/10 file:px-3 file:py-1 file:text-navy"
          />
          <Button type="submit" variant="secondary" disabled={uploading}>
            {t('uploadPhoto')}
          </Button>
        </div>
        <p id="summary-photo-hint" className="text-sm text-muted">
          {t('photoHint')}
        </p>
        {photoError ? (
          <p id="summary-photo-error" role="alert" className="text-sm text-danger">
            {photoError}
          </p>
        ) : null}
      </form>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant={published ? 'secondary' : 'primary'}
          disabled={pending}
          data-testid="summary-publish"
          onClick={() =>
            startTransition(async () => {
              setPublishError(null);
              const result = await publishSummaryAction(ceremonyId, !published);
              if (!result.ok) return setPublishError(describeError(result));
              router.refresh();
            })
          }
        >
          {published ? t('withdraw') : t('publish')}
        </Button>
        {published ? (
          <Link href={`/summary/${ceremonyId}`} className="text-sm text-navy underline" data-testid="summary-link">
            {t('open')}
          </Link>
        ) : null}
      </div>
      {publishError ? (
        <p role="alert" className="text-sm text-danger">
          {publishError}
        </p>
      ) : null}
    </div>
  );
}
