import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CeremonyRoom } from '@/components/live/ceremony-room';
import { ProgrammePanel } from '@/components/protocol/programme-panel';
import { Card } from '@/components/ui/card';
import { isArchivedState, isIn, OVER_STATES } from '@/lib/access/access-sets';
import { requireSessionUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { loadRoom } from '@/lib/live/load-room';

export const dynamic = 'force-dynamic';

export default async function CeremonyRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/ceremonies/${id}/room`);
  const view = await loadRoom({ ceremonyId: id, userId: user.id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (view.kind === 'open')
    return (
      <CeremonyRoom
        ceremony={view.ceremony}
        me={view.me}
        signing={view.signing}
        programme={<ProgrammePanel ceremonyId={view.ceremony.id} programme={view.programme} myRole={view.me.role} myName={view.me.displayName} />}
      />
    );

  const t = await getTranslations();
  const over = view.kind === 'closed' && isIn(OVER_STATES, view.state);
  return (
    <Card className="flex flex-col gap-3" data-testid={view.kind === 'closed' ? 'room-closed' : undefined}>
      <h1 className="font-serif text-2xl">{view.kind === 'removed' ? t('live.removed.title') : over ? t('live.closed.overTitle') : t('live.closed.title')}</h1>
      <p className="text-muted">
        {view.kind === 'removed'
          ? t('live.removed.body')
          : t(over ? 'live.closed.overBody' : 'live.closed.body', { state: t(`states.${view.state as 'DRAFT'}`) })}
      </p>
      <Link href={view.kind === 'removed' ? '/' : `/ceremonies/${id}`} className="text-sm text-navy underline">
        {t('live.backToCeremony')}
      </Link>
      {view.kind === 'closed' && view.role === 'organiser' && isArchivedState(view.state) ? (
        <Link href={`/archive/${id}`} className="text-sm text-navy underline" data-testid="concluded-record">
          {t('signing.concludedRecord')}
        </Link>
      ) : null}
    </Card>
  );
}
