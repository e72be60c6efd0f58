import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConcludedCeremony } from '@/lib/archive/testing/concluded-ceremony';
import { db } from '@/lib/db';
import { createSigningCeremony } from '@/test/factories';

// The routes read the caller through lib/auth (Auth.js); here the caller is chosen per test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; globalRole: 'member'; locale: null } }));
vi.mock('@/lib/auth', () => ({
  getSessionUser: async () => session.user,
  clientRateLimitKeys: () => [],
}));

const fullPowersRoute = await import('@/app/api/ceremonies/[id]/full-powers/route');
const photoRoute = await import('@/app/api/ceremonies/[id]/photo/route');

const as = (userId: string) => {
  session.user = { id: userId, email: `${userId}@test.example`, name: 'Caller', globalRole: 'member', locale: null };
};

afterEach(() => {
  session.user = null;
});

const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length) of `chunks` × 64 KB that counts how much of it was read. */
function countingBody(chunks: number, first: Uint8Array = new Uint8Array(0)) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1;
      if (state.pulled > chunks) return controller.close();
      const chunk = new Uint8Array(CHUNK);
      if (state.pulled === 1) chunk.set(first.subarray(0, CHUNK));
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

function post(url: string, body: BodyInit, contentType: string) {
  return new Request(`http://127.0.0.1:3000${url}`, {
    method: 'POST',
    body,
    headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'content-type': contentType },
    duplex: 'half',
  } as RequestInit);
}

describe('upload routes check permission before reading the body', () => {
  it('full powers: another party’s signatory and an outsider are refused with the body unread, nothing stored', async () => {
    const c = await createSigningCeremony({ order: 'parallel', fullPowers: 'none' });
    const [lni, kosmo] = c.parties as [(typeof c.parties)[0], (typeof c.parties)[0]];
    const outsider = (await createSigningCeremony({ order: 'parallel', fullPowers: 'none' })).parties[0]!;
    for (const [caller, status] of [
      [kosmo.userId, 403],
      [outsider.userId, 404],
    ] as const) {
      as(caller);
      const { stream, state } = countingBody(20 * 16, new TextEncoder().encode('%PDF-1.7\n'));
      const response = await fullPowersRoute.POST(
        post(`/api/ceremonies/${c.ceremonyId}/full-powers?participantId=${lni.participantId}`, stream, 'application/pdf'),
        { params: Promise.resolve({ id: c.ceremonyId }) },
      );
      expect(response.status).toBe(status);
      expect(state.pulled).toBeLessThanOrEqual(1);
    }
    expect(await db.fullPowers.count({ where: { participantId: lni.participantId } })).toBe(0);
  });

  it('summary photo: a non-organiser, and an organiser before conclusion, are refused with the body unread', async () => {
    const concluded = await createConcludedCeremony();
    const live = await createSigningCeremony({ order: 'parallel' });
    for (const [ceremonyId, caller, status] of [
      [concluded.ceremonyId, concluded.observerId, 403],
      [concluded.ceremonyId, concluded.parties[0]!.userId, 403],
      [live.ceremonyId, live.organiserId, 409],
    ] as const) {
      as(caller);
      const { stream, state } = countingBody(4 * 16, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
      const response = await photoRoute.POST(post(`/api/ceremonies/${ceremonyId}/photo`, stream, 'image/jpeg'), {
        params: Promise.resolve({ id: ceremonyId }),
      });
      expect(response.status).toBe(status);
      expect(state.pulled).toBeLessThanOrEqual(1);
    }
    expect(await db.artefact.count({ where: { ceremonyId: concluded.ceremonyId, kind: 'photo' } })).toBe(0);
  });
});

describe('the public photo', () => {
  it('is stored without its EXIF block (camera position, serial) through the upload route', async () => {
    const c = await createConcludedCeremony();
    const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
    const text = (value: string) => [...Buffer.from(value, 'latin1')];
    const image = [
      ...segment(0xdb, [0, ...new Array(64).fill(1)]),
      ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
      ...segment(0xda, [1, 1, 0, 0, 63, 0]),
      0x12,
      0x34,
    ];
    const jfif = segment(0xe0, [...text('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const exif = segment(0xe1, [...text('Exif\0\0'), ...text('MM\0*GPS 52.5200N 13.4050E CAM-SERIAL-42')]);
    const sent = new Uint8Array([0xff, 0xd8, ...jfif, ...exif, ...image, 0xff, 0xd9]);
    as(c.organiserId);
    const response = await photoRoute.POST(post(`/api/ceremonies/${c.ceremonyId}/photo`, sent, 'image/jpeg'), {
      params: Promise.resolve({ id: c.ceremonyId }),
    });
    expect(response.status).toBe(201);
    const stored = await db.artefact.findFirstOrThrow({ where: { ceremonyId: c.ceremonyId, kind: 'photo' } });
    const bytes = Buffer.from(stored.bytes);
    expect(bytes.includes(Buffer.from('CAM-SERIAL'))).toBe(false);
    expect(bytes.equals(Buffer.from([0xff, 0xd8, ...jfif, ...image, 0xff, 0xd9]))).toBe(true);
    expect(stored.byteLength).toBe(bytes.length);
  });
});
