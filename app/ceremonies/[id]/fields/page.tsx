import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { FieldEditor, type FieldHolder } from '@/components/ceremony/fields/field-editor';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { Card } from '@/components/ui/card';
import { isPlanEditable } from '@/lib/access/access-sets';
import type { FieldKind } from '@/lib/documents/schemas';
import { workspaceForPage } from '../workspace';

export default async function FieldsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ document?: string }> }) {
  const [{ id }, { document: requested }] = await Promise.all([params, searchParams]);
  const workspace = await workspaceForPage(id, '/fields');
  if (workspace.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const { ceremony } = workspace;
  const t = await getTranslations();
  const document = ceremony.documents.find((candidate) => candidate.id === requested) ?? ceremony.documents[0];
  const delegationName = new Map(ceremony.delegations.map((delegation) => [delegation.id, delegation.name]));
  const position = new Map(ceremony.delegations.map((delegation, index) => [delegation.id, index]));
  const holders: FieldHolder[] = ceremony.participants
    .filter((participant) => participant.role === 'signatory' || participant.role === 'witness')
    .sort(
      (a, b) =>
        (position.get(a.delegationId ?? '') ?? 99) - (position.get(b.delegationId ?? '') ?? 99) || (a.role === b.role ? 0 : a.role === 'signatory' ? -1 : 1),
    )
    .map((participant) => ({
      participantId: participant.id,
      name: participant.displayName,
      role: participant.role as 'signatory' | 'witness',
      delegationName: delegationName.get(participant.delegationId ?? '') ?? '',
    }));
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={ceremony} />
      <OrganiserNav ceremonyId={id} current="fields" />
      {!document ? (
        <Card>
          <p className="text-muted">{t('schedule.fields.noDocument')}</p>
          <Link href={`/ceremonies/${id}/documents`} className="text-navy underline">
            {t('schedule.fields.goUpload')}
          </Link>
        </Card>
      ) : (
        <>
          {ceremony.documents.length > 1 ? (
            <nav aria-label={t('schedule.fields.documentsLabel')} className="flex flex-wrap gap-2">
              {ceremony.documents.map((candidate) => (
                <Link
                  key={candidate.id}
                  href={`/ceremonies/${id}/fields?document=${candidate.id}`}
                  aria-current={candidate.id === document.id ? 'page' : undefined}
                  className={`rounded-full border px-3 py-1 text-sm ${candidate.id === document.id ? 'border-navy bg-navy text-white' : 'border-line text-navy'}`}
                >
                  {t('schedule.fields.documentTab', { title: candidate.title, language: t(`common.languageNames.${candidate.language as 'en'}`) })}
                </Link>
              ))}
            </nav>
          ) : null}
          <Card>
            <h2 className="mb-1 font-serif text-xl">{t('schedule.fields.heading', { title: document.title })}</h2>
            <p className="mb-4 text-sm text-muted">{t('schedule.fields.intro')}</p>
            <FieldEditor
              key={document.id}
              ceremonyId={id}
              document={{ id: document.id, title: document.title, pages: document.pages }}
              initialFields={document.fields
                .filter((field) => field.participantId !== null)
                .map((field) => ({
                  participantId: field.participantId!,
                  kind: field.kind as FieldKind,
                  page: field.page,
                  x: field.x,
                  y: field.y,
                  width: field.width,
                  height: field.height,
                }))}
              holders={holders}
              editable={isPlanEditable(ceremony.state) && !document.prepared}
            />
          </Card>
        </>
      )}
    </div>
  );
}
