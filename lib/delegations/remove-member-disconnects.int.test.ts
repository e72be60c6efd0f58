import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { removeMember } from '@/lib/delegations/remove-member';
import { scheduleRehearsal } from '@/lib/protocol/schedule-rehearsal';
import { createCeremony } from '@/test/factories';

// What the app asks of LiveKit, recorded instead of sent: whether the disconnection really
// lands in a live room is the room e2e's to show.
const liveKit = vi.hoisted(() => ({ removed: [] as { room: string; identity: string }[] }));
vi.mock('@/lib/live/livekit-clients', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/live/livekit-clients')>();
  return {
    ...actual,
    getRoomService: () => ({
      removeParticipant: async (room: string, identity: string) => {
        liveKit.removed.push({ room, identity });
      },
    }),
  };
});

describe('removing someone from a ceremony before the day', () => {
  beforeEach(() => {
    liveKit.removed.length = 0;
  });

  it('disconnects them from the rehearsal in the ceremony room, not only marks them removed', async () => {
    const c = await createCeremony({ state: 'SCHEDULED' });
    await scheduleRehearsal({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, slot: 'default' });
    const { roomName } = await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId }, select: { roomName: true } });

    await removeMember({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, participantId: c.observer.participantId });

    expect(liveKit.removed).toEqual([{ room: roomName, identity: c.observer.userId }]);
    const removed = await db.participant.findUniqueOrThrow({ where: { id: c.observer.participantId }, select: { removedAt: true } });
    expect(removed.removedAt).not.toBeNull();
  });

  it('a refused removal disconnects nobody', async () => {
    const c = await createCeremony({ state: 'LIVE' });
    await expect(removeMember({ ceremonyId: c.ceremonyId, userId: c.organiser.userId, participantId: c.observer.participantId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(liveKit.removed).toEqual([]);
  });
});
