'use client';

import { useDataChannel, useRoomContext } from '@livekit/components-react';
import { RoomEvent, type Participant } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useTransition } from 'react';
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

/**
 * At most one refetch of the page in flight per browser, and at most one more queued behind
 * it. A refetch asked for while one runs cannot be answered by the running one (it may have
 * been rendered before the change), but two asked meanwhile are answered by one. On a busy
 * server a burst of notices otherwise piled up one full page render per notice and client,
 * and the newest data arrived last (seen: a 17 s refetch behind three others).
 */
function useQueuedRefresh(): () => void {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const inFlight = useRef(false);
  const queued = useRef(false);
  useEffect(() => {
    // React renders isPending=true before the transition and false once its page arrived.
    inFlight.current = refreshing;
    if (refreshing || !queued.current) return;
    queued.current = false;
    inFlight.current = true;
    startRefresh(() => router.refresh());
  }, [refreshing, router]);
  return useCallback(() => {
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    startRefresh(() => router.refresh());
  }, [router]);
}

export function RoomSignals() {
  const refresh = useQueuedRefresh();
  const room = useRoomContext();
  const t = useTranslations('live.room');
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);

  const onState = useCallback(
    (message: { payload: Uint8Array; from?: Participant }) => {
      if (message.from) return;
      const parsed = decodeRoomMessage(stateMessageSchema, message.payload);
      if (!parsed) return;
      if (parsed.kind !== 'revision') {
        refresh();
        return;
      }
      pendingRefresh.current ??= setTimeout(() => {
        pendingRefresh.current = null;
        refresh();
      }, REVISION_REFRESH_DELAY_MS);
    },
    [refresh],
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
    room.on(RoomEvent.Connected, refresh);
    room.on(RoomEvent.Reconnected, refresh);
    return () => {
      room.off(RoomEvent.Connected, refresh);
      room.off(RoomEvent.Reconnected, refresh);
    };
  }, [room, refresh]);
  return null;
}
