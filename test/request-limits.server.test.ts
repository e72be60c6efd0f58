import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { openSigning } from '@/lib/signing/open-signing';
import { ensureBuilt, sessionCookieFor, startableAppServer } from '@/test/app-server';
import { createCeremony, createSigningCeremony } from '@/test/factories';

/**
 * Limits as a client meets them on the built app: too many token or sign requests get 429
 * with the wait (hostile case "Too many requests"), and an upload over UPLOAD_MAX_BYTES gets 413 before its
 * body is read, on a connection the server then closes (hostile case "Oversized upload").
 */
const LIMIT = 4;
const UPLOAD_MAX_BYTES = 1024 * 1024;
const server = startableAppServer({
  port: Number(process.env.LIMITS_APP_PORT ?? 3411),
  env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) },
});
const port = Number(new URL(server.baseUrl).port);

beforeAll(async () => {
  ensureBuilt();
  await server.start();
}, 600_000);
afterAll(async () => {
  await server.stop();
});

async function expectRateLimitedAfter(limit: number, send: () => Promise<Response>) {
  const statuses = [];
  for (let index = 0; index < limit; index++) statuses.push((await send()).status);
  expect(statuses).not.toContain(429);
  const refused = await send();
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as { error: { code: string; message: string; reason?: string; params?: { retryAfterSeconds?: number } } };
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED', reason: 'rate-limited' });
  const wait = body.error.params?.retryAfterSeconds ?? 0;
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(60);
  expect(body.error.message).toContain(`${wait} seconds`);
  return statuses;
}

/** A raw HTTP/1.1 exchange: what the server answers and whether it then closes the connection. */
function rawExchange(head: string, bodyChunk: Buffer, { keepSending }: { keepSending: boolean }) {
  return new Promise<{ response: string; closed: boolean; bytesSent: number }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let bytesSent = 0;
    let closed = false;
    const timer = setTimeout(() => finish(), 15_000);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ response, closed, bytesSent });
    };
    const pump = () => {
      while (keepSending && !closed && !response) {
        bytesSent += bodyChunk.length;
        const chunk = `${bodyChunk.length.toString(16)}\r\n`;
        if (!socket.write(Buffer.concat([Buffer.from(chunk), bodyChunk, Buffer.from('\r\n')]))) {
          socket.once('drain', pump);
          return;
        }
        if (bytesSent > 200 * UPLOAD_MAX_BYTES) return;
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      if (keepSending) return pump();
      socket.write(bodyChunk);
      bytesSent = bodyChunk.length;
    });
    socket.on('data', (data) => {
      response += data.toString('latin1');
    });
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server closing on us mid-write is the expected end of a refused upload.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
        closed = true;
        finish();
      } else reject(error);
    });
  });
}

function serverRssBytes(): number {
  const status = readFileSync(`/proc/${server.pid()}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

describe('request limits on the built app', () => {
  it('too many token requests: 429 with the wait (hostile case "Too many requests")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    const signer = c.parties[0]!;
    const cookie = await sessionCookieFor(signer.userId);
    await expectRateLimitedAfter(LIMIT, () =>
      fetch(`${server.baseUrl}/api/ceremonies/${c.ceremonyId}/livekit-token`, { method: 'POST', headers: { cookie, origin: server.baseUrl } }),
    );
  });

  it('too many sign requests: 429 with the wait, and the refused one signs nothing (hostile case "Too many requests")', async () => {
    const c = await createSigningCeremony({ order: 'parallel' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const signer = c.parties[0]!;
    const cookie = await sessionCookieFor(signer.userId);
    const documentId = c.documentIds[0]!;
    const before = await db.documentRevision.count({ where: { documentId } });
    // Confirmations without what the viewer showed: refused after the limit check, nothing signed.
    const statuses = await expectRateLimitedAfter(LIMIT, () =>
      fetch(`${server.baseUrl}/api/ceremonies/${c.ceremonyId}/sign`, {
        method: 'POST',
        headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: `limits-${c.ceremonyId}`, capture: { typed: signer.signer } }),
      }),
    );
    expect(statuses.every((status) => status === 409)).toBe(true);
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(before);
  });

  it('an upload declaring more than the limit: 413 before the body is read, connection closed (hostile case "Oversized upload")', async () => {
    const c = await createCeremony();
    const cookie = await sessionCookieFor(c.organiser.userId);
    const query = new URLSearchParams({ language: 'en', title: 'Oversized', fileName: 'big.pdf' });
    const declared = 200 * UPLOAD_MAX_BYTES;
    const head = [
      `POST /api/ceremonies/${c.ceremonyId}/documents?${query} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: ${server.baseUrl}`,
      `Cookie: ${cookie}`,
      'Content-Type: application/pdf',
      `Content-Length: ${declared}`,
      '',
      '',
    ].join('\r\n');
    const { response, closed, bytesSent } = await rawExchange(head, Buffer.from('%PDF-1.7\n'), { keepSending: false });
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('PAYLOAD_TOO_LARGE');
    expect(closed).toBe(true);
    expect(bytesSent).toBeLessThan(16);
    expect(await db.agreementDocument.count({ where: { ceremonyId: c.ceremonyId } })).toBe(0);
  });

  it('a chunked upload that runs past the limit: 413 once the limit is reached, connection closed, memory bounded (hostile case "Oversized upload")', async () => {
    const c = await createCeremony();
    const cookie = await sessionCookieFor(c.organiser.userId);
    const query = new URLSearchParams({ language: 'en', title: 'Endless', fileName: 'endless.pdf' });
    const head = [
      `POST /api/ceremonies/${c.ceremonyId}/documents?${query} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: ${server.baseUrl}`,
      `Cookie: ${cookie}`,
      'Content-Type: application/pdf',
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n');
    const rssBefore = serverRssBytes();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { response, closed, bytesSent } = await rawExchange(head, chunk, { keepSending: true });
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(closed).toBe(true);
    // The client had far more to send; the server stopped reading near the limit.
    expect(bytesSent).toBeLessThan(200 * UPLOAD_MAX_BYTES);
    expect(serverRssBytes() - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect(await db.agreementDocument.count({ where: { ceremonyId: c.ceremonyId } })).toBe(0);
  });
});
