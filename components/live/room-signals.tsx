'use client';

import { useDataChannel, useRoomContext } from '@livekit/components-react';
import { RoomEvent, type Participant } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import { toast } from 'sonner';
import { decodeRoomMessage, hostMessageSchema, roomTopics, stateMessageSchema } from '@/lib/live/room-messages';

/**
 * Server → room messages. "Something changed" (accord.state) refetches the page's server
 * data; so does every reconnect, so nothing depends on a message arriving. Only messages
 * from the server itself (no sending participant) are believed.
 */
export function RoomSignals() {
  const router = useRouter();
  const room = useRoomContext();
  const t = useTranslations('live.room');

  const onState = useCallback(
    (message: { payload: Uint8Array; from?: Participant }) => {
      if (message.from) return;
      if (decodeRoomMessage(stateMessageSchema, message.payload)) router.refresh();
    },
    [router],
  );
  const onHost = useCallback(
    (message: { payload: Uint8Array; from?: Participant }) => {
      if (message.from) return;
      const parsed = decodeRoomMessage(hostMessageSchema, message.payload);
      if (parsed?.kind === 'muted') toast.warning(parsed.source === 'microphone' ? t('mutedMicrophone') : t('mutedCamera'));
    },
    [t],
  );
  useDataChannel(roomTopics.state, onState);
  useDataChannel(roomTopics.host, onHost);

  useEffect(() => {
    const refetch = () => router.refresh();
    room.on(RoomEvent.Reconnected, refetch);
    return () => {
      room.off(RoomEvent.Reconnected, refetch);
    };
  }, [room, router]);
  return null;
}
