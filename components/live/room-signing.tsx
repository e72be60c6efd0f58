'use client';

import { useCallback } from 'react';
import { useSpotlight } from '@/components/live/use-spotlight';
import { SigningPanel } from '@/components/signing/signing-panel';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import { spotlightTarget } from '@/lib/live/spotlight-target';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

/** The signing panel in the room: opening the capture puts me in the spotlight; closing it ends it. */
export function RoomSigning({ ceremony, me, signing }: { ceremony: RoomCeremony; me: RoomMe; signing: SigningStatus }) {
  const { announce } = useSpotlight();
  const onCapturingChange = useCallback(
    (capturing: boolean) => {
      const target = capturing ? spotlightTarget(ceremony.documents, signing.documents) : null;
      announce(target ? { participantIdentity: me.userId, ...target } : null);
    },
    [announce, ceremony, me.userId, signing],
  );
  return <SigningPanel ceremonyId={ceremony.id} status={signing} myName={me.displayName} onCapturingChange={onCapturingChange} />;
}
