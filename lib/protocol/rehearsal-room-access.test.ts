import { describe, expect, it } from 'vitest';
import { mayEnterRoom } from '@/lib/live/room-access';

describe('room access during the technical rehearsal', () => {
  it('lets everyone into a scheduled ceremony’s room once a rehearsal is planned; otherwise only the organiser', () => {
    expect(mayEnterRoom('signatory', 'SCHEDULED')).toBe(false);
    expect(mayEnterRoom('signatory', 'SCHEDULED', true)).toBe(true);
    expect(mayEnterRoom('observer', 'SCHEDULED', true)).toBe(true);
    expect(mayEnterRoom('organiser', 'SCHEDULED')).toBe(true);
    // A planned rehearsal opens nothing once the ceremony is over, nor before it is scheduled.
    expect(mayEnterRoom('signatory', 'ARCHIVED', true)).toBe(false);
    expect(mayEnterRoom('signatory', 'DRAFT', true)).toBe(false);
    expect(mayEnterRoom('delegate', 'LIVE', false)).toBe(true);
  });
});
