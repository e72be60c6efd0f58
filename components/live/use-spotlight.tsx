'use client';

import { useDataChannel, useRoomContext } from '@livekit/components-react';
import { RoomEvent, type Participant } from 'livekit-client';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { senderOf } from '@/components/live/use-page-follow';
import { decodeRoomMessage, encodeRoomMessage, mayShineSpotlight, roomTopics, spotlightMessageSchema, type SpotlightMessage } from '@/lib/live/room-messages';

/** The signer repeats the spotlight while signing, so late joiners (and reconnects) catch up. */
const HEARTBEAT_MS = 3000;
/** A spotlight nobody repeats (the signer's tab closed, the network dropped) fades after this. */
const STALE_MS = 12_000;

export type ActiveSpotlight = Omit<SpotlightMessage, 'active'>;

interface SpotlightValue {
  /** Who is signing now and on which page; null: the normal grid. */
  spotlight: ActiveSpotlight | null;
  /** The signer's own client: start (or move) the spotlight on a page, or end it with null. */
  announce: (next: ActiveSpotlight | null) => void;
}

const SpotlightContext = createContext<SpotlightValue>({ spotlight: null, announce: () => undefined });

export function useSpotlight(): SpotlightValue {
  return useContext(SpotlightContext);
}

/**
 * Spotlight while signing, over the room's data channel (topic accord.spotlight):
 * the signing signatory's client announces it from opening the capture until their revision
 * lands or they cancel; every client believes it only from the signer it names
 * (`mayShineSpotlight`). Needs the LiveKit room; outside one, `useSpotlight` answers "none".
 */
export function SpotlightProvider({ localIdentity, children }: { localIdentity: string; children: ReactNode }) {
  const room = useRoomContext();
  const [spotlight, setSpotlight] = useState<ActiveSpotlight | null>(null);
  const [mine, setMine] = useState<ActiveSpotlight | null>(null);
  const lastHeard = useRef(0);

  const onMessage = useCallback((message: { payload: Uint8Array; from?: Participant }) => {
    const parsed = decodeRoomMessage(spotlightMessageSchema, message.payload);
    if (!parsed || !mayShineSpotlight(senderOf(message.from), parsed)) return;
    const { active, ...where } = parsed;
    lastHeard.current = Date.now();
    setSpotlight((current) => {
      if (active) return where;
      return current?.participantIdentity === parsed.participantIdentity ? null : current;
    });
  }, []);
  const { send } = useDataChannel(roomTopics.spotlight, onMessage);

  const broadcast = useCallback(
    (message: SpotlightMessage) => {
      if (room.state !== 'connected') return;
      send(encodeRoomMessage(message), { reliable: true, topic: roomTopics.spotlight });
    },
    [room, send],
  );

  const mineRef = useRef<ActiveSpotlight | null>(null);
  const announce = useCallback(
    (next: ActiveSpotlight | null) => {
      const previous = mineRef.current;
      mineRef.current = next;
      setMine(next);
      if (next) broadcast({ ...next, active: true });
      else if (previous) broadcast({ ...previous, active: false });
    },
    [broadcast],
  );

  // While I sign: repeat for late joiners; on the way out (unmount, leaving) switch it off.
  useEffect(() => {
    if (!mine) return;
    // Read the ref, not `mine`: a tick between announce(null) and this effect's cleanup would
    // otherwise send "active" after "off", and the others would keep the spotlight until it fades.
    const repeat = () => {
      if (mineRef.current) broadcast({ ...mineRef.current, active: true });
    };
    const timer = setInterval(repeat, HEARTBEAT_MS);
    room.on(RoomEvent.ParticipantConnected, repeat);
    return () => {
      clearInterval(timer);
      room.off(RoomEvent.ParticipantConnected, repeat);
    };
  }, [broadcast, mine, room]);
  const broadcastRef = useRef(broadcast);
  useEffect(() => {
    broadcastRef.current = broadcast;
  }, [broadcast]);
  useEffect(
    () => () => {
      if (mineRef.current) broadcastRef.current({ ...mineRef.current, active: false });
      mineRef.current = null;
    },
    [],
  );

  // Someone else's spotlight ends when they leave or stop repeating it.
  useEffect(() => {
    if (!spotlight || spotlight.participantIdentity === localIdentity) return;
    const onLeft = (participant: Participant) => {
      if (participant.identity === spotlight.participantIdentity) setSpotlight(null);
    };
    const timer = setInterval(() => {
      if (Date.now() - lastHeard.current > STALE_MS) setSpotlight(null);
    }, 1000);
    room.on(RoomEvent.ParticipantDisconnected, onLeft);
    return () => {
      clearInterval(timer);
      room.off(RoomEvent.ParticipantDisconnected, onLeft);
    };
  }, [localIdentity, room, spotlight]);

  const value = useMemo<SpotlightValue>(() => ({ spotlight: mine ?? spotlight, announce }), [announce, mine, spotlight]);
  return <SpotlightContext.Provider value={value}>{children}</SpotlightContext.Provider>;
}
