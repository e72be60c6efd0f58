'use client';

import { useCallback } from 'react';
import { useSpotlight } from '@/components/live/use-spotlight';
import { SigningPanel } from '@/components/signing/signing-panel';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

/**
 * Where the room looks while I sign: the first document it is my turn on, at the page of my
 * signature (or witness) field there, else of my first open field.
 */
export function spotlightTarget(ceremony: RoomCeremony, signing: SigningStatus): { documentId: string; page: number } | null {
  for (const status of signing.documents) {
    if (status.myStatus !== 'sign-now') continue;
    const fields = ceremony.documents.find((document) => document.id === status.id)?.myOpenFields ?? [];
    const main = fields.filter((field) => field.kind !== 'initials').sort((a, b) => a.page - b.page)[0];
    const first = [...fields].sort((a, b) => a.page - b.page)[0];
    return { documentId: status.id, page: (main ?? first)?.page ?? 1 };
  }
  return null;
}

/** The signing panel in the room: opening the capture puts me in the spotlight; closing it ends it. */
export function RoomSigning({ ceremony, me, signing }: { ceremony: RoomCeremony; me: RoomMe; signing: SigningStatus }) {
  const { announce } = useSpotlight();
  const onCapturingChange = useCallback(
    (capturing: boolean) => {
      const target = capturing ? spotlightTarget(ceremony, signing) : null;
      announce(target ? { participantIdentity: me.userId, ...target } : null);
    },
    [announce, ceremony, me.userId, signing],
  );
  return <SigningPanel ceremonyId={ceremony.id} status={signing} myName={me.displayName} onCapturingChange={onCapturingChange} />;
}
