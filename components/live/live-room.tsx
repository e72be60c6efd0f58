'use client';

import { LiveKitRoom, type LocalUserChoices } from '@livekit/components-react';
import { useTranslations } from 'next-intl';
import { useEffect, type ReactNode } from 'react';
import { PeoplePanel } from '@/components/live/people-panel';
import { RoomChat } from '@/components/live/room-chat';
import { OfflineDocument, SharedDocument } from '@/components/live/room-document-sources';
import { RoomLayout, type SidePanel } from '@/components/live/room-layout';
import { RoomSignals } from '@/components/live/room-signals';
import { RoomSigning } from '@/components/live/room-signing';
import { useRoomConnection, type RoomExit } from '@/components/live/use-room-connection';
import { useAnnouncedRevisions } from '@/components/live/use-revision-signals';
import { SpotlightProvider } from '@/components/live/use-spotlight';
import { warmUpPdfViewer } from '@/components/live/use-pdf-revision';
import { VideoStage } from '@/components/live/video-stage';
import { VideoUnavailable } from '@/components/live/video-unavailable';
import { SigningFocusProvider } from '@/components/signing/signing-focus';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import type { PageMessage } from '@/lib/live/room-messages';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

export type { RoomExit } from '@/components/live/use-room-connection';

interface LiveRoomProps {
  ceremony: RoomCeremony;
  me: RoomMe;
  choices: LocalUserChoices | null;
  topBar: ReactNode;
  /** Panels that work without video (the organiser's lobby). */
  extraPanels: SidePanel[];
  onExit: (exit: RoomExit) => void;
  /** The run of show beside the video (the ceremony programme). */
  programme?: ReactNode;
  /** Who has signed what, and my turn; refetched with the page on every state message. */
  signing: SigningStatus;
}

const noAnnouncements: Record<string, number> = {};

/** The signing focus with the revisions the room announces (ahead of the page's refetch). */
function OnlineSigningFocus({
  ceremony,
  signing,
  myIdentity,
  children,
}: {
  ceremony: RoomCeremony;
  signing: SigningStatus;
  myIdentity: string;
  children: ReactNode;
}) {
  const announced = useAnnouncedRevisions();
  return (
    <SigningFocusProvider ceremony={ceremony} signing={signing} announced={announced} myIdentity={myIdentity}>
      {children}
    </SigningFocusProvider>
  );
}

/**
 * The call: fetches a token from our server, connects to LiveKit, and lays out video,
 * agreement and panels. If the video service cannot be reached, the same screen stays up
 * without video and says so; the agreement and the lobby keep working.
 */
export function LiveRoom({ ceremony, me, choices, topBar, extraPanels, onExit, programme, signing }: LiveRoomProps) {
  const t = useTranslations('live');
  const { connection, room, retry, fail } = useRoomConnection({ ceremonyId: ceremony.id, choices, onExit });
  const isObserver = me.role === 'observer';

  // pdf.js and its worker start while the call connects, not when the first page is wanted.
  useEffect(() => {
    if (me.pagesVisible) warmUpPdfViewer();
  }, [me.pagesVisible]);

  const firstDocument = ceremony.documents[0];
  const initialPage: PageMessage = { documentId: firstDocument?.id ?? 'none', page: 1 };

  if (connection.kind !== 'ready') {
    return (
      <SigningFocusProvider ceremony={ceremony} signing={signing} announced={noAnnouncements} myIdentity={me.userId}>
        <RoomLayout
          topBar={topBar}
          programme={programme}
          signing={<RoomSigning ceremony={ceremony} me={me} signing={signing} />}
          video={<VideoUnavailable connecting={connection.kind === 'fetching'} onRetry={retry} />}
          document={<OfflineDocument ceremony={ceremony} me={me} initial={initialPage} signing={signing} />}
          panels={extraPanels}
        />
      </SigningFocusProvider>
    );
  }

  return (
    <LiveKitRoom
      room={room}
      serverUrl={connection.serverUrl}
      token={connection.token}
      connect
      video={!isObserver && (choices?.videoEnabled ?? false)}
      audio={!isObserver && (choices?.audioEnabled ?? false)}
      onError={fail}
    >
      <RoomSignals />
      <SpotlightProvider localIdentity={me.userId}>
        <OnlineSigningFocus ceremony={ceremony} signing={signing} myIdentity={me.userId}>
          <RoomLayout
            topBar={topBar}
            programme={programme}
            signing={<RoomSigning ceremony={ceremony} me={me} signing={signing} />}
            video={<VideoStage isObserver={isObserver} />}
            document={<SharedDocument ceremony={ceremony} me={me} initial={initialPage} signing={signing} />}
            panels={[
              { id: 'chat', label: t('chat.tab'), content: <RoomChat canWrite={!isObserver} /> },
              { id: 'people', label: t('people.tab'), content: <PeoplePanel ceremonyId={ceremony.id} isOrganiser={me.role === 'organiser'} /> },
              ...extraPanels,
            ]}
          />
        </OnlineSigningFocus>
      </SpotlightProvider>
    </LiveKitRoom>
  );
}
