import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CeremonyHeading } from '@/components/ceremony/ceremony-heading';
import { OrganiserNav } from '@/components/ceremony/organiser-nav';
import { OrganiserOnly } from '@/components/ceremony/organiser-only';
import { ProgrammeEditor } from '@/components/protocol/programme-editor';
import { Card } from '@/components/ui/card';
import { requireSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { loadProgrammeEditor } from '@/lib/protocol/load-programme-editor';

export default async function ProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/ceremonies/${id}/programme`);
  const editor = await loadProgrammeEditor({ ceremonyId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (editor.state === 'forbidden') return <OrganiserOnly ceremonyId={id} />;
  const t = await getTranslations('protocol.editor');
  return (
    <div className="flex flex-col gap-6">
      <CeremonyHeading ceremony={editor.ceremony} />
      <OrganiserNav ceremonyId={id} current="programme" />
      <Card aria-labelledby="programme-heading">
        <h2 id="programme-heading" className="mb-1 font-serif text-xl">
          {t('heading')}
        </h2>
        <p className="mb-4 text-sm text-muted">{editor.editable ? (editor.saved ? t('intro') : t('template')) : t('locked')}</p>
        <ProgrammeEditor ceremonyId={id} steps={editor.steps} speakers={editor.speakers} editable={editor.editable} />
      </Card>
    </div>
  );
}
