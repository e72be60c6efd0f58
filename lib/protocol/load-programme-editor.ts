import 'server-only';
import { isPlanEditable } from '@/lib/access/access-sets';
import { requireAccess } from '@/lib/access/require-access';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { defaultProgramme, type StepKind } from '@/lib/protocol/programme-steps';

export interface EditableStep {
  /** Null: a template step not saved yet (saving creates the programme). */
  id: string | null;
  kind: StepKind;
  title: string;
  speakerParticipantId: string | null;
}

/**
 * The organiser's programme screen: the run of show as saved (or the template it will be
 * created from), and who may be given the floor. A participant who is not an organiser
 * gets `{ state: 'forbidden' }`; a stranger NOT_FOUND (thrown).
 */
export async function loadProgrammeEditor({ ceremonyId, userId }: { ceremonyId: string; userId: string }) {
  try {
    await requireAccess(db, { ceremonyId, userId }, 'manage-ceremony');
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { state: 'forbidden' as const, ceremonyId };
    throw error;
  }
  const ceremony = await db.ceremony.findUnique({
    where: { id: ceremonyId },
    select: {
      id: true,
      title: true,
      state: true,
      scheduledStart: true,
      signingOrder: true,
      steps: { orderBy: { position: 'asc' }, select: { id: true, kind: true, title: true, speakerParticipantId: true } },
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { removedAt: null, role: { not: 'observer' } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, displayName: true, role: true, delegationId: true },
      },
    },
  });
  if (!ceremony) throw new AppError('NOT_FOUND', 'Ceremony not found', undefined, { reason: 'ceremony-not-found' });
  const steps: EditableStep[] =
    ceremony.steps.length > 0
      ? ceremony.steps.map((step) => ({ ...step, kind: step.kind as StepKind }))
      : defaultProgramme({
          signingOrder: ceremony.signingOrder,
          delegations: ceremony.delegations.map((delegation) => ({
            headParticipantId: ceremony.participants.find((p) => p.delegationId === delegation.id && p.role === 'signatory')?.id ?? null,
          })),
        }).map((draft) => ({ id: null, ...draft }));
  const delegationNames = new Map(ceremony.delegations.map((d) => [d.id, d.name]));
  return {
    state: 'ready' as const,
    ceremony: { id: ceremony.id, title: ceremony.title, state: ceremony.state, scheduledStart: ceremony.scheduledStart, delegations: ceremony.delegations },
    steps,
    saved: ceremony.steps.length > 0,
    editable: isPlanEditable(ceremony.state),
    speakers: ceremony.participants.map((p) => ({
      id: p.id,
      name: p.displayName,
      role: p.role,
      delegation: p.delegationId ? (delegationNames.get(p.delegationId) ?? null) : null,
    })),
  };
}
