import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { AgreementUpload } from '@/components/ceremony/documents/agreement-upload';
import { RemoveDocumentButton } from '@/components/ceremony/documents/remove-document-button';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { Card } from '@/components/ui/card';
import { isPlanEditable } from '@/lib/access/access-sets';
import { env } from '@/lib/env';
import { workspaceForPage } from '../workspace';

export default async function DocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const workspace = await workspaceForPage(id, '/documents');
  if (workspace.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const { ceremony } = workspace;
  const t = await getTranslations();
  const editable = isPlanEditable(ceremony.state);
  const delegationName = new Map(ceremony.delegations.map((delegation) => [delegation.id, delegation.name]));
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={ceremony} />
      <OrganiserNav ceremonyId={id} current="documents" />
      <Card aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="mb-1 font-serif text-xl">
          {t('schedule.documents.heading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('schedule.documents.intro')}</p>
        {ceremony.documents.length === 0 ? (
          <p className="text-muted">{t('ceremony.noDocuments')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {ceremony.documents.map((document) => (
              <li key={document.id} className="rounded-md border border-line p-4" data-testid={`document-${document.language}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="flex flex-col gap-1">
                    <h3 className="font-medium">{document.title}</h3>
                    <p className="text-sm text-muted">
                      {t('schedule.documents.summary', {
                        language: t(`common.languageNames.${document.language as 'en'}`),
                        pages: document.pageCount,
                        size: Math.max(1, Math.round(document.originalByteSize / 1024)),
                        fields: document.fields.length,
                      })}
                    </p>
                    <p className="flex flex-wrap gap-2 text-xs">
                      {document.authentic ? <span className="rounded-full bg-ok/10 px-2 py-0.5 text-ok">{t('schedule.documents.authentic')}</span> : null}
                      <span className="rounded-full border border-line px-2 py-0.5">
                        {document.originalForDelegationId
                          ? t('schedule.documents.originalOf', { party: delegationName.get(document.originalForDelegationId) ?? '' })
                          : t('schedule.documents.sharedOriginal')}
                      </span>
                    </p>
                    <code className="break-all text-xs text-muted">
                      {t('ceremony.sha256')} {document.originalSha256}
                    </code>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/ceremonies/${id}/fields?document=${document.id}`}
                      className="rounded-md border border-line px-3 py-1.5 text-sm text-navy hover:border-navy"
                    >
                      {t('schedule.documents.placeFields')}
                    </Link>
                    {ceremony.state === 'DRAFT' && !document.prepared ? (
                      <RemoveDocumentButton ceremonyId={id} documentId={document.id} title={document.title} />
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="upload-heading">
        <h2 id="upload-heading" className="mb-1 font-serif text-xl">
          {t('schedule.upload.heading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('schedule.upload.intro')}</p>
        <AgreementUpload
          key={ceremony.delegations.map((delegation) => delegation.id).join()}
          ceremonyId={id}
          maxBytes={env.UPLOAD_MAX_BYTES}
          delegations={ceremony.delegations.map((delegation) => ({ id: delegation.id, name: delegation.name }))}
          disabled={!editable}
        />
      </Card>
    </div>
  );
}
