import 'server-only';
import { isArchivedState, isPlanEditable } from '@/lib/access/access-sets';
import { instantToZonedLocal } from '@/lib/ceremonies/resolve-ceremony-times';
import type { Db } from '@/lib/db';
import { defaultRehearsalStart } from '@/lib/protocol/schedule-rehearsal';

export interface ReadinessRow {
  participantId: string;
  name: string;
  role: string;
  delegation: string | null;
  check: { cameraOk: boolean; microphoneOk: boolean; connectionQuality: string; signingPadTried: boolean; checkedAt: Date } | null;
}

/**
 * The protocol side of the ceremony page for one participant: a signatory's own full
 * powers; for organisers the full-powers tally, the rehearsal and each participant's
 * readiness (the checklist), and after conclusion the transmittal and the public summary.
 */
export async function loadCeremonyProtocol(client: Db, { ceremonyId, participantId, role }: { ceremonyId: string; participantId: string; role: string }) {
  const own =
    role === 'signatory' ? await client.fullPowers.findFirst({ where: { participantId }, orderBy: { createdAt: 'desc' }, select: { status: true } }) : null;
  if (role !== 'organiser') return { role, ownFullPowers: role === 'signatory' ? (own?.status ?? 'none') : null, organiser: null };

  const ceremony = await client.ceremony.findUniqueOrThrow({
    where: { id: ceremonyId },
    select: {
      state: true,
      rehearsalStart: true,
      scheduledStart: true,
      timeZone: true,
      publicSummaryPublishedAt: true,
      delegations: { orderBy: { position: 'asc' }, select: { id: true, name: true, capitalName: true, capitalTimeZone: true } },
      participants: {
        where: { removedAt: null, role: { not: 'observer' } },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          displayName: true,
          role: true,
          delegationId: true,
          fullPowers: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true } },
          readiness: {
            orderBy: { checkedAt: 'desc' },
            take: 1,
            select: { cameraOk: true, microphoneOk: true, connectionQuality: true, signingPadTried: true, checkedAt: true },
          },
        },
      },
      artefacts: { where: { kind: 'photo', purgedAt: null }, select: { id: true }, take: 1 },
    },
  });
  const delegationName = new Map(ceremony.delegations.map((d) => [d.id, d.name]));
  const signatories = ceremony.participants.filter((p) => p.role === 'signatory');
  const concluded = isArchivedState(ceremony.state);
  return {
    role,
    ownFullPowers: null,
    organiser: {
      state: ceremony.state,
      concluded,
      fullPowers: { approved: signatories.filter((p) => p.fullPowers[0]?.status === 'approved').length, total: signatories.length },
      rehearsal: ceremony.rehearsalStart ? { start: ceremony.rehearsalStart, capitals: ceremony.delegations } : null,
      rehearsalForm: {
        timeZone: ceremony.timeZone,
        startLocal: instantToZonedLocal(ceremony.rehearsalStart ?? defaultRehearsalStart(ceremony.scheduledStart), ceremony.timeZone),
        planned: ceremony.rehearsalStart !== null,
        editable: isPlanEditable(ceremony.state),
        mayInvite: ceremony.state === 'SCHEDULED' && ceremony.rehearsalStart !== null,
      },
      readiness: ceremony.participants.map((p): ReadinessRow => ({
        participantId: p.id,
        name: p.displayName,
        role: p.role,
        delegation: p.delegationId ? (delegationName.get(p.delegationId) ?? null) : null,
        check: p.readiness[0] ?? null,
      })),
      summary: { published: ceremony.publicSummaryPublishedAt !== null, hasPhoto: ceremony.artefacts.length > 0 },
    },
  };
}

export type CeremonyProtocol = Awaited<ReturnType<typeof loadCeremonyProtocol>>;
