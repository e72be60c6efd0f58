import { RoomServiceClient } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { ensureRoom } from '@/lib/live/ensure-room';

describe('ensureRoom', () => {
  it('says clearly that the video service is unreachable when nothing answers', async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    const nowhere = new RoomServiceClient('http://127.0.0.1:9', 'key', 'secret-secret-secret-secret-secret-00', { requestTimeout: 2, failover: false });
    await expect(ensureRoom(`room-${Date.now()}`, nowhere)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/video service is unreachable/),
    });
  });
});
