import 'server-only';
import { RoomServiceClient } from 'livekit-server-sdk';
import { env } from '@/lib/env';

/**
 * The server's way into LiveKit. The Twirp API speaks HTTP on the same host and port as
 * the clients' WebSocket (ws → http, wss → https).
 */
function liveKitHttpUrl(livekitUrl: string = env.LIVEKIT_URL): string {
  return livekitUrl.replace(/^ws(s?):\/\//, 'http$1://');
}

/** Short: a host control or a token must fail fast and clearly when video is down. */
const REQUEST_TIMEOUT_SECONDS = 3;

let roomService: RoomServiceClient | undefined;

export function getRoomService(): RoomServiceClient {
  roomService ??= new RoomServiceClient(liveKitHttpUrl(), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    requestTimeout: REQUEST_TIMEOUT_SECONDS,
    failover: false,
  });
  return roomService;
}

/** The client URL browsers connect to (may differ from the server's view behind a proxy). */
export function liveKitClientUrl(): string {
  return env.LIVEKIT_PUBLIC_URL ?? env.LIVEKIT_URL;
}

/**
 * LiveKit answers a Twirp error (an HTTP status) when it is up but refuses; fetch throws a
 * TypeError / TimeoutError when nothing answers. Only the second means "video is down".
 */
export function isLiveKitUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ('status' in error && typeof (error as { status: unknown }).status === 'number') {
    const status = (error as { status: number }).status;
    return status === 502 || status === 503 || status === 504;
  }
  return true;
}

/** Twirp "not_found": the room or participant is not (or no longer) there. */
export function isLiveKitNotFound(error: unknown): boolean {
  return error instanceof Error && 'status' in error && (error as { status: unknown }).status === 404;
}
