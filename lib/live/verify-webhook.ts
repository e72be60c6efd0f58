import 'server-only';
import { WebhookReceiver } from 'livekit-server-sdk';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** A verified LiveKit webhook, as plain data. */
export interface LiveKitWebhook {
  id: string;
  event: string;
  roomName: string | null;
  participant: { identity: string; sid: string; name: string; metadata: string } | null;
  /** When LiveKit says it happened */
  occurredAt: Date;
}

/**
 * Checks the `Authorization` JWT (signed with our API secret) and that its `sha256` claim
 * is the hash of exactly these bytes (hostile case "Forged webhook"). `rawBody` must be the body as
 * received, never a re-serialised parse.
 */
export async function verifyLiveKitWebhook(
  rawBody: string,
  authorization: string | null,
  keys: { apiKey: string; apiSecret: string } = { apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET },
): Promise<LiveKitWebhook> {
  if (!authorization) throw new AppError('UNAUTHENTICATED', 'Webhook without Authorization.');
  let event;
  try {
    event = await new WebhookReceiver(keys.apiKey, keys.apiSecret).receive(rawBody, authorization, false, '10s');
  } catch {
    throw new AppError('UNAUTHENTICATED', 'Webhook signature or body hash does not match.');
  }
  if (!event.id || !event.event) throw new AppError('INVALID_INPUT', 'Webhook without id or event.');
  const createdAtSeconds = Number(event.createdAt);
  return {
    id: event.id,
    event: event.event,
    roomName: event.room?.name || null,
    participant: event.participant
      ? {
          identity: event.participant.identity,
          sid: event.participant.sid,
          name: event.participant.name,
          metadata: event.participant.metadata,
        }
      : null,
    occurredAt: createdAtSeconds > 0 ? new Date(createdAtSeconds * 1000) : new Date(),
  };
}
