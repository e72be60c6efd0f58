'use client';

import { useDataChannel, useRoomContext } from '@livekit/components-react';
import { RoomEvent, type Participant } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { toast } from 'sonner';
import { decodeRoomMessage, hostMessageSchema, roomTopics, stateMessageSchema } from '@/lib/live/room-messages';

/**
 * Server → room messages. "Something changed" (accord.state) refetches the page's server
 * data; so does every (re)connection, so nothing depends on a message arriving. Only messages
 * from the server itself (no sending participant) are believed. A new revision refetches a
 * moment later, once for a burst (one confirmation signs every language version): the
 * viewer fetches the revision itself at once, and should not queue behind the page (P8).
 */
const REVISION_REFRESH_DELAY_MS = 250;

export function RoomSignals() {
  const router = useRouter();
  const room = useRoomContext();
  const t = useTranslations('live.room');
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);

  const onState = useCallback(
    (message: { payload: Uint8Array; from?: Participant }) => {
      if (message.from) return;
      const parsed = decodeRoomMessage(stateMessageSchema, message.payload);
      if (!parsed) return;
      if (parsed.kind !== 'revision') {
        router.refresh();
        return;
      }
      pendingRefresh.current ??= setTimeout(() => {
        pendingRefresh.current = null;
        router.refresh();
      }, REVISION_REFRESH_DELAY_MS);
    },
    [router],
  );
  useEffect(
    () => () => {
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    },
    [],
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

  // A change announced while this client was still connecting (or reconnecting) never
  // reached it: fetch the page again once the connection is up.
  useEffect(() => {
    const refetch = () => router.refresh();
    room.on(RoomEvent.Connected, refetch);
    room.on(RoomEvent.Reconnected, refetch);
    return () => {
      room.off(RoomEvent.Connected, refetch);
      room.off(RoomEvent.Reconnected, refetch);
    };
  }, [room, router]);
  return null;
}
