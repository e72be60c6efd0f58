'use client';

import { useTranslations } from 'next-intl';
import type { PdfFinding, PdfPreflightSummary } from '@accord/pdf-signing/inspect-pdf';
import type { PdfFindingKind } from '@accord/pdf-signing/inspection-rules';

export interface UploadPreflight {
  title: string;
  language: string;
  preflight: { pages: { width: number; height: number }[]; summary: PdfPreflightSummary; dropped: PdfFinding[] };
}

const MM_PER_POINT = 25.4 / 72;

/** The inspector's short report on a file just accepted: pages and sizes, fonts, links out, language, what a clean copy left out. */
export function PreflightSummary({ upload }: { upload: UploadPreflight }) {
  const t = useTranslations('pdfInspection');
  const tLanguages = useTranslations('common.languageNames');
  const { pages, summary, dropped } = upload.preflight;
  const sizes = [
    ...new Set(pages.map((page) => t('summary.pageSize', { width: Math.round(page.width * MM_PER_POINT), height: Math.round(page.height * MM_PER_POINT) }))),
  ].join(', ');
  const fonts = summary.fonts.map((font) => t(font.embedded ? 'summary.fontEmbedded' : 'summary.fontNotEmbedded', { name: font.name })).join(', ');
  const language = tLanguages(upload.language as 'en');
  return (
    <section aria-labelledby="preflight-heading" className="rounded-md border border-line bg-white p-4 text-sm" data-testid="upload-preflight">
      <h3 id="preflight-heading" className="mb-2 font-medium">
        {t('summary.heading', { title: upload.title })}
      </h3>
      <ul className="flex flex-col gap-1">
        <li>{t('summary.pages', { count: pages.length, sizes })}</li>
        <li>{fonts ? t('summary.fonts', { list: fonts }) : t('summary.noFonts')}</li>
        <li>{summary.language ? t('summary.language', { language, declared: summary.language }) : t('summary.languageUndeclared', { language })}</li>
        {summary.links.length > 0 ? (
          <li>
            {t('summary.links')}
            <ul className="ml-4 list-disc">
              {summary.links.map((link) => (
                <li key={link}>
                  <code className="break-all">{link}</code>
                </li>
              ))}
            </ul>
          </li>
        ) : (
          <li>{t('summary.noLinks')}</li>
        )}
        {dropped.length > 0 ? (
          <li data-testid="upload-dropped">
            {t('cleanCopy.dropped', { list: dropped.map((finding) => t(`findings.${finding.kind as PdfFindingKind}`)).join(', ') })}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
