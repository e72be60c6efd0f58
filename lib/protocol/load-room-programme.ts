import 'server-only';
import { isIn, ROLL_CALL_STATES } from '@/lib/access/access-sets';
import type { Db, Tx } from '@/lib/db';
import { defaultProgramme, programmeView, type ProgrammeStep, type StepKind } from '@/lib/protocol/programme-steps';

export type StepStatus = 'done' | 'skipped' | 'current' | 'upcoming';

export interface ProgrammeStepView {
  id: string;
  kind: StepKind;
  /** Empty: the viewer reads the kind's name in their own language. */
  title: string;
  /** Who has the floor during this step. */
  speaker: { name: string; delegation: string | null } | null;
  status: StepStatus;
}

export interface RollCallMember {
  participantId: string;
  name: string;
  role: string;
  /** In the call now, by LiveKit's attendance log (joined, not left since). */
  inRoom: boolean;
  confirmedAt: string | null;
}

export interface RollCallView {
  delegations: { id: string; name: string; members: RollCallMember[] }[];
  /** When the organiser last confirmed the roll call (null: not yet). */
  confirmedAt: string | null;
  /** False once the ceremony is no longer live: the roll call is shown, read-only. */
  canConfirm: boolean;
}

export interface RoomProgramme {
  steps: ProgrammeStepView[];
  currentStepId: string | null;
  nextStepId: string | null;
  started: boolean;
  finished: boolean;
  /** Organisers only: the roll call, prefilled from attendance. */
  rollCall: RollCallView | null;
  /** Organisers only: whether the press already sees the agreement's pages. */
  pagesReleased: boolean;
  /** The technical rehearsal: a scheduled ceremony with a rehearsal planned (specimen copies, nothing is evidence). */
  rehearsal: boolean;
}

/**
 * The run of show as the room shows it to one participant (press included): every step,
 * which is current and next, and who has the floor. Reads only: before the organiser first
 * moves the programme, the template is shown as it will be created.
 */
export async function loadRoomProgramme(client: Db | Tx, { ceremonyId, isOrganiser }: { ceremonyId: string; isOrganiser: boolean }): Promise<RoomProgramme> {
  const ceremony = await client.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      currentStepId: true,
      state: true,
      rehearsalStart: true,
      signingOrder: true,
      pagesReleasedAt: true,
      steps: { orderBy: { position: 'asc' } },
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true } },
      participants: {
        where: { removedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true, displayName: true, role: true, delegationId: true, presentConfirmedAt: true },
      },
    },
  });
  const steps: ProgrammeStep[] =
    ceremony.steps.length > 0
      ? ceremony.steps.map((row) => ({ ...row, kind: row.kind as StepKind }))
      : defaultProgramme({
          signingOrder: ceremony.signingOrder,
          delegations: ceremony.delegations.map((delegation) => ({
            headParticipantId: ceremony.participants.find((p) => p.delegationId === delegation.id && p.role === 'signatory')?.id ?? null,
          })),
        }).map((draft, position) => ({ ...draft, id: `template-${position}`, position, startedAt: null, completedAt: null, skipped: false }));

  const delegationNames = new Map(ceremony.delegations.map((d) => [d.id, d.name]));
  const people = new Map(ceremony.participants.map((p) => [p.id, p]));
  const view = programmeView(steps, ceremony.currentStepId);
  const started = steps.some((step) => step.startedAt !== null);
  const rehearsal = ceremony.state === 'SCHEDULED' && ceremony.rehearsalStart !== null;

  return {
    steps: view.steps.map((step) => {
      const speaker = step.speakerParticipantId ? people.get(step.speakerParticipantId) : undefined;
      return {
        id: step.id,
        kind: step.kind,
        title: step.title,
        speaker: speaker ? { name: speaker.displayName, delegation: speaker.delegationId ? (delegationNames.get(speaker.delegationId) ?? null) : null } : null,
        status: step.id === ceremony.currentStepId ? 'current' : step.skipped ? 'skipped' : step.completedAt ? 'done' : 'upcoming',
      };
    }),
    currentStepId: view.current?.id ?? null,
    nextStepId: view.next?.id ?? null,
    started,
    finished: started && ceremony.currentStepId === null,
    // A rehearsal takes no roll call: presence is confirmed on the day.
    rollCall: isOrganiser && !rehearsal ? await loadRollCall(client, ceremonyId, ceremony) : null,
    pagesReleased: isOrganiser ? ceremony.pagesReleasedAt !== null : false,
    rehearsal,
  };
}

async function loadRollCall(
  client: Db | Tx,
  ceremonyId: string,
  ceremony: {
    state: string;
    delegations: { id: string; name: string }[];
    participants: { id: string; displayName: string; role: string; delegationId: string | null; presentConfirmedAt: Date | null }[];
  },
): Promise<RollCallView> {
  const inRoom = await participantsInRoom(client, ceremonyId);
  const confirmed = await client.auditEvent.findFirst({
    where: { ceremonyId, kind: 'roll-call.confirmed' },
    orderBy: { seq: 'desc' },
    select: { createdAt: true },
  });
  return {
    delegations: ceremony.delegations.map((delegation) => ({
      id: delegation.id,
      name: delegation.name,
      members: ceremony.participants
        .filter((p) => p.delegationId === delegation.id && p.role !== 'observer')
        .map((p) => ({
          participantId: p.id,
          name: p.displayName,
          role: p.role,
          inRoom: inRoom.has(p.id),
          confirmedAt: p.presentConfirmedAt?.toISOString() ?? null,
        })),
    })),
    confirmedAt: confirmed?.createdAt.toISOString() ?? null,
    canConfirm: isIn(ROLL_CALL_STATES, ceremony.state),
  };
}

/** Participant ids whose latest attendance event (LiveKit webhook) is a join. */
async function participantsInRoom(client: Db | Tx, ceremonyId: string): Promise<Set<string>> {
  const events = await client.auditEvent.findMany({
    where: { ceremonyId, kind: { in: ['participant.joined', 'participant.left'] } },
    orderBy: { seq: 'asc' },
    select: { kind: true, payload: true },
  });
  const present = new Set<string>();
  for (const event of events) {
    const participantId = participantIdOf(event.payload);
    if (!participantId) continue;
    if (event.kind === 'participant.joined') present.add(participantId);
    else present.delete(participantId);
  }
  return present;
}

function participantIdOf(payload: string): string | null {
  try {
    const value = (JSON.parse(payload) as { participantId?: unknown }).participantId;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
