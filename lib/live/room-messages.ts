import * as z from 'zod/mini';
import { isSigningRole } from '@/lib/access/access-sets';
import type { RoomParticipantMetadata } from '@/lib/live/participant-roles';

/**
 * Messages on the room's data channel, one topic per purpose. Pure and
 * small (zod/mini): it ships to the browser. Every receiver parses with these schemas and
 * drops what does not parse or comes from someone without the right to send it.
 */

export const roomTopics = {
  /** The page everyone's agreement viewer shows; sent by whoever drives the document. */
  page: 'accord.page',
  /** "Something changed on the server, refetch": sent by the server only. */
  state: 'accord.state',
  /** A host action aimed at one participant ("the organiser muted your microphone"); server only. */
  host: 'accord.host',
  /** "I am signing now, on this page" (or "done"): sent by the signing signatory's own client. */
  spotlight: 'accord.spotlight',
} as const;

export const pageMessageSchema = z.object({
  documentId: z.string().check(z.minLength(1), z.maxLength(64)),
  page: z.int().check(z.gte(1), z.lte(100_000)),
});
export type PageMessage = z.infer<typeof pageMessageSchema>;

/**
 * While a signatory signs, every viewer's layout focuses on their video and the page being
 * signed; `active: false` returns everyone to the grid. It carries the page, so
 * followers need not wait for a page message that might arrive before the spotlight.
 */
export const spotlightMessageSchema = z.object({
  participantIdentity: z.string().check(z.minLength(1), z.maxLength(64)),
  documentId: z.string().check(z.minLength(1), z.maxLength(64)),
  page: z.int().check(z.gte(1), z.lte(100_000)),
  active: z.boolean(),
});
export type SpotlightMessage = z.infer<typeof spotlightMessageSchema>;

export const stateMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('revision'), documentId: z.string(), revision: z.int() }),
  z.object({ kind: z.literal('step'), stepId: z.nullable(z.string()) }),
  z.object({ kind: z.literal('ceremony'), state: z.string() }),
]);
export type StateMessage = z.infer<typeof stateMessageSchema>;

export const hostMessageSchema = z.object({
  kind: z.literal('muted'),
  source: z.enum(['microphone', 'camera']),
});
export type HostMessage = z.infer<typeof hostMessageSchema>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeRoomMessage(message: PageMessage | StateMessage | HostMessage | SpotlightMessage): Uint8Array {
  return encoder.encode(JSON.stringify(message));
}

/** The parsed message, or null for anything malformed. Never throws. */
export function decodeRoomMessage<T>(schema: z.ZodMiniType<T>, payload: Uint8Array): T | null {
  try {
    const result = schema.safeParse(JSON.parse(decoder.decode(payload)));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Who sent a data message: null when it came from the server (RoomServiceClient.sendData). */
export interface MessageSender {
  identity: string;
  metadata: RoomParticipantMetadata | null;
}

/**
 * Who may drive the shared page. The extension point for "the signatory whose turn it
 * is": pass that signatory's identity as `activeSignerIdentity` and they may drive too.
 */
export interface PageDrivingContext {
  activeSignerIdentity: string | null;
}

export function mayDrivePages(sender: MessageSender | null, context: PageDrivingContext): boolean {
  if (!sender) return false;
  if (sender.metadata?.role === 'organiser') return true;
  return context.activeSignerIdentity !== null && sender.identity === context.activeSignerIdentity;
}

/**
 * A spotlight is believed only from the signer it names (their identity is the user id the
 * server put in their token) and only when the token says they sign: a signatory or witness.
 */
export function mayShineSpotlight(sender: MessageSender | null, message: SpotlightMessage): boolean {
  if (!sender || sender.identity !== message.participantIdentity) return false;
  return isSigningRole(sender.metadata?.role ?? '');
}

/** State and host messages are believed only when the server sent them. */
export function isFromServer(sender: MessageSender | null): boolean {
  return sender === null;
}
