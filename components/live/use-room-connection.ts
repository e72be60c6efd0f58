'use client';

import type { LocalUserChoices } from '@livekit/components-react';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { useCallback, useEffect, useMemo, useState } from 'react';

export type RoomExit = 'left' | 'ended' | 'removed' | 'lobby';

type Connection = { kind: 'fetching' } | { kind: 'ready'; serverUrl: string; token: string } | { kind: 'unreachable' };

/**
 * The way into the call: a token from our server, then a LiveKit Room (one per attempt: a
 * failed connection is not reused). Being removed, the room ending or leaving end the visit
 * (`onExit`); any other loss of the connection says the video service is unreachable, and
 * `retry` tries again from the token.
 */
export function useRoomConnection({ ceremonyId, choices, onExit }: { ceremonyId: string; choices: LocalUserChoices | null; onExit: (exit: RoomExit) => void }) {
  const [connection, setConnection] = useState<Connection>({ kind: 'fetching' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/livekit-token`, { method: 'POST' }).catch(() => null);
      if (cancelled) return;
      if (!response || response.status === 503 || response.status >= 500) return setConnection({ kind: 'unreachable' });
      // 403/404: removed (or never a participant); 409: not admitted (any more), or the room is closed.
      if (response.status === 403 || response.status === 404) return onExit('removed');
      if (response.status === 409) return onExit('lobby');
      if (!response.ok) return setConnection({ kind: 'unreachable' });
      const { serverUrl, token } = (await response.json()) as { serverUrl: string; token: string };
      setConnection({ kind: 'ready', serverUrl, token });
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, ceremonyId, onExit]);

  const room = useMemo(
    () =>
      new Room({
        adaptiveStream: true,
        dynacast: true,
        videoCaptureDefaults: choices?.videoDeviceId ? { deviceId: choices.videoDeviceId } : undefined,
        audioCaptureDefaults: choices?.audioDeviceId ? { deviceId: choices.audioDeviceId } : undefined,
      }),
    // One Room per attempt: a failed connection is not reused.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attempt],
  );

  useEffect(() => {
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.PARTICIPANT_REMOVED) onExit('removed');
      else if (reason === DisconnectReason.ROOM_DELETED) onExit('ended');
      else if (reason === DisconnectReason.CLIENT_INITIATED || reason === DisconnectReason.DUPLICATE_IDENTITY) onExit('left');
      else setConnection({ kind: 'unreachable' });
    };
    room.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
    };
  }, [room, onExit]);

  useEffect(() => () => void room.disconnect(), [room]);

  const retry = useCallback(() => {
    setConnection({ kind: 'fetching' });
    setAttempt((value) => value + 1);
  }, []);
  /** LiveKit could not connect with the token. */
  const fail = useCallback(() => setConnection({ kind: 'unreachable' }), []);

  return { connection, room, retry, fail };
}
