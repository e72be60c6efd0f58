'use client';

import { useRoomContext } from '@livekit/components-react';
import { useEffect, useMemo, useState } from 'react';
import { RoomDocument } from '@/components/live/room-document';
import { usePageFollow } from '@/components/live/use-page-follow';
import { useSpotlight } from '@/components/live/use-spotlight';
import { useSigningFocus } from '@/components/signing/signing-focus';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import { mayDrivePages, type PageDrivingContext, type PageMessage } from '@/lib/live/room-messages';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

/** Without the video service there is no spotlight: only the organiser drives. */
const noActiveSigner: PageDrivingContext = { activeSignerIdentity: null };

function mayIDrive(me: RoomMe, context: PageDrivingContext): boolean {
  return mayDrivePages({ identity: me.userId, metadata: { role: me.role, participantId: me.participantId, delegationId: null } }, context);
}

interface DocumentSourceProps {
  ceremony: RoomCeremony;
  me: RoomMe;
  initial: PageMessage;
  signing: SigningStatus;
}

/**
 * The agreement in the call: the page follows whoever may drive (the organiser, or the
 * signatory in the spotlight), and everyone looks at the page being signed.
 */
export function SharedDocument({ ceremony, me, initial, signing }: DocumentSourceProps) {
  const room = useRoomContext();
  const { spotlight } = useSpotlight();
  const focus = useSigningFocus();
  const activeSignerIdentity = spotlight?.participantIdentity ?? null;
  const context = useMemo<PageDrivingContext>(() => ({ activeSignerIdentity }), [activeSignerIdentity]);
  const canDrive = mayIDrive(me, context);
  const { position, changePage, follow } = usePageFollow({ initial, canDrive, context, held: focus.position });
  // Everyone (the organiser too) looks at the page being signed, and stays there afterwards.
  const spotlitDocument = spotlight?.documentId;
  const spotlitPage = spotlight?.page;
  useEffect(() => {
    if (spotlitDocument && spotlitPage) follow({ documentId: spotlitDocument, page: spotlitPage });
  }, [follow, spotlitDocument, spotlitPage]);
  const signerName = activeSignerIdentity && activeSignerIdentity !== me.userId ? (room.getParticipantByIdentity(activeSignerIdentity)?.name ?? null) : null;
  return <RoomDocument ceremony={ceremony} me={me} signing={signing} position={position} onChange={changePage} canDrive={canDrive} signerName={signerName} />;
}

/** The agreement without the video service: this browser's own page; only the organiser may turn it. */
export function OfflineDocument({ ceremony, me, initial, signing }: DocumentSourceProps) {
  const [position, setPosition] = useState(initial);
  return <RoomDocument ceremony={ceremony} me={me} signing={signing} position={position} onChange={setPosition} canDrive={mayIDrive(me, noActiveSigner)} />;
}
