'use client';

import { useDataChannel } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { useCallback, useState } from 'react';
import { decodeRoomMessage, roomTopics, stateMessageSchema } from '@/lib/live/room-messages';

/**
 * The newest revision number the server announced per document ('revision' state messages,
 * server only). The viewer reloads on it at once instead of waiting for the page's refetch,
 * which RoomSignals starts on the same message (P8: a signature is seen within a second).
 */
export function useAnnouncedRevisions(): Record<string, number> {
  const [announced, setAnnounced] = useState<Record<string, number>>({});
  const onState = useCallback((message: { payload: Uint8Array; from?: Participant }) => {
    if (message.from) return;
    const parsed = decodeRoomMessage(stateMessageSchema, message.payload);
    if (parsed?.kind !== 'revision') return;
    setAnnounced((current) => ((current[parsed.documentId] ?? -1) >= parsed.revision ? current : { ...current, [parsed.documentId]: parsed.revision }));
  }, []);
  useDataChannel(roomTopics.state, onState);
  return announced;
}
