import { describe, expect, it } from 'vitest';
import { participantRoles } from '@/lib/live/participant-roles';
import { mayEnterRoom, mayWaitInLobby } from '@/lib/live/room-access';

describe('room access over the ceremony’s life', () => {
  it('keeps the room and the lobby open after conclusion, for the closing, and closes both once archived', () => {
    for (const role of participantRoles) {
      expect(mayEnterRoom(role, 'LIVE')).toBe(true);
      expect(mayEnterRoom(role, 'SIGNING')).toBe(true);
      expect(mayEnterRoom(role, 'CONCLUDED')).toBe(true);
      expect(mayEnterRoom(role, 'ARCHIVED')).toBe(false);
      expect(mayEnterRoom(role, 'CANCELLED')).toBe(false);
      expect(mayEnterRoom(role, 'DRAFT')).toBe(false);
    }
    expect(mayWaitInLobby('CONCLUDED')).toBe(true);
    expect(mayWaitInLobby('ARCHIVED')).toBe(false);
    expect(mayWaitInLobby('CANCELLED')).toBe(false);
  });
});
