'use client';

import { useCallback, useEffect, useState } from 'react';
import type { LobbyState } from '@/lib/live/load-lobby';

const POLL_MS = 2500;

/** The lobby as the server sees it, refetched every few seconds while `enabled`. */
export function useLobby(ceremonyId: string, enabled: boolean, onUpdate?: (lobby: LobbyState | 'removed') => void) {
  const [lobby, setLobby] = useState<LobbyState | null>(null);
  const [failed, setFailed] = useState(false);
  const [removed, setRemoved] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/lobby`, { cache: 'no-store' });
      if (response.status === 403 || response.status === 404) {
        setRemoved(true);
        onUpdate?.('removed');
        return;
      }
      if (!response.ok) throw new Error(`lobby ${response.status}`);
      const next = (await response.json()) as LobbyState;
      setLobby(next);
      setFailed(false);
      onUpdate?.(next);
    } catch {
      setFailed(true);
    }
  }, [ceremonyId, onUpdate]);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      await refresh();
      if (!cancelled) timer = setTimeout(loop, POLL_MS);
    };
    void loop();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled, refresh]);

  return { lobby, failed, removed, refresh };
}
