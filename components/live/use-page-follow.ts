'use client';

import { useDataChannel, useRoomContext } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { RoomEvent } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseRoomParticipantMetadata } from '@/lib/live/participant-roles';
import {
  decodeRoomMessage,
  encodeRoomMessage,
  mayDrivePages,
  pageMessageSchema,
  roomTopics,
  type PageDrivingContext,
  type PageMessage,
} from '@/lib/live/room-messages';

/** The driver repeats where they are, so late joiners (and hidden observers) catch up. */
const HEARTBEAT_MS = 4000;

export function senderOf(participant: Participant | undefined) {
  return participant ? { identity: participant.identity, metadata: parseRoomParticipantMetadata(participant.metadata) } : null;
}

/**
 * The shared page over the room's data channel (topic accord.page). Whoever may drive
 * (`mayDrivePages`) sends; everyone else follows, ignoring malformed messages and senders
 * without the right. `held`: my viewer is held on what I am signing — nobody else's page
 * moves it, and what I repeat to the room is where I am held.
 */
export function usePageFollow({
  initial,
  canDrive,
  context,
  held = null,
}: {
  initial: PageMessage;
  canDrive: boolean;
  context: PageDrivingContext;
  held?: PageMessage | null;
}) {
  const room = useRoomContext();
  const [position, setPosition] = useState<PageMessage>(initial);
  const positionRef = useRef(position);
  const contextRef = useRef(context);
  const heldRef = useRef(held);
  useEffect(() => {
    positionRef.current = held ?? position;
    heldRef.current = held;
    contextRef.current = context;
  }, [position, context, held]);

  const onMessage = useCallback((message: { payload: Uint8Array; from?: Participant }) => {
    if (heldRef.current) return;
    if (!mayDrivePages(senderOf(message.from), contextRef.current)) return;
    const parsed = decodeRoomMessage(pageMessageSchema, message.payload);
    if (parsed) setPosition(parsed);
  }, []);
  const { send } = useDataChannel(roomTopics.page, onMessage);

  const broadcast = useCallback(
    (next: PageMessage) => {
      if (room.state !== 'connected') return;
      send(encodeRoomMessage(next), { reliable: true, topic: roomTopics.page });
    },
    [room, send],
  );

  const changePage = useCallback(
    (next: PageMessage) => {
      if (!canDrive) return;
      setPosition(next);
      broadcast(next);
    },
    [broadcast, canDrive],
  );

  useEffect(() => {
    if (!canDrive) return;
    const repeat = () => broadcast(positionRef.current);
    const timer = setInterval(repeat, HEARTBEAT_MS);
    room.on(RoomEvent.ParticipantConnected, repeat);
    room.on(RoomEvent.Connected, repeat);
    return () => {
      clearInterval(timer);
      room.off(RoomEvent.ParticipantConnected, repeat);
      room.off(RoomEvent.Connected, repeat);
    };
  }, [broadcast, canDrive, room]);

  /** Show a page without sending it (e.g. the page a spotlit signatory signs, which everyone got from them). */
  const follow = useCallback((next: PageMessage) => {
    setPosition((current) => (current.documentId === next.documentId && current.page === next.page ? current : next));
  }, []);

  // Held pages are repeated at once too: the room should not wait for the next heartbeat.
  const heldDocument = held?.documentId;
  const heldPage = held?.page;
  useEffect(() => {
    if (canDrive && heldDocument && heldPage) broadcast({ documentId: heldDocument, page: heldPage });
  }, [broadcast, canDrive, heldDocument, heldPage]);

  return { position, changePage, follow };
}
