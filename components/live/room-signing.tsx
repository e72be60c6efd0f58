'use client';

import { SigningPanel } from '@/components/signing/signing-panel';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

/** The signing panel in the room; the signing focus (my capture, the spotlight) lives around the whole room. */
export function RoomSigning({ ceremony, me, signing }: { ceremony: RoomCeremony; me: RoomMe; signing: SigningStatus }) {
  return <SigningPanel ceremonyId={ceremony.id} status={signing} myName={me.displayName} />;
}
