'use client';

import { LiveKitRoom, useRoomContext, type LocalUserChoices } from '@livekit/components-react';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DocumentPane } from '@/components/live/document-pane';
import { PeoplePanel } from '@/components/live/people-panel';
import { RoomChat } from '@/components/live/room-chat';
import { RoomLayout, type SidePanel } from '@/components/live/room-layout';
import { RoomSignals } from '@/components/live/room-signals';
import { RoomSigning } from '@/components/live/room-signing';
import { usePageFollow } from '@/components/live/use-page-follow';
import { useAnnouncedRevisions } from '@/components/live/use-revision-signals';
import { useRoomFocus } from '@/components/live/room-focus';
import { SpotlightProvider, useSpotlight } from '@/components/live/use-spotlight';
import { warmUpPdfViewer } from '@/components/live/use-pdf-revision';
import { VideoStage } from '@/components/live/video-stage';
import { SigningFocusProvider, useSigningFocus } from '@/components/signing/signing-focus';
import type { RoomCeremony, RoomMe } from '@/lib/live/load-room';
import { mayDrivePages, type PageDrivingContext, type PageMessage } from '@/lib/live/room-messages';
import type { SigningStatus } from '@/lib/signing/load-signing-status';

export type RoomExit = 'left' | 'ended' | 'removed' | 'lobby';

type Connection =
  | { kind: 'fetching' }
  | { kind: 'ready'; serverUrl: string; token: string }
  | { kind: 'unreachable' };

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

/** Without the video service there is no spotlight: only the organiser drives. */
const noActiveSigner: PageDrivingContext = { activeSignerIdentity: null };
const noAnnouncements: Record<string, number> = {};

/** The signing focus with the revisions the room announces (ahead of the page's refetch). */
function OnlineSigningFocus({ ceremony, signing, myIdentity, children }: { ceremony: RoomCeremony; signing: SigningStatus; myIdentity: string; children: ReactNode }) {
  const announced = useAnnouncedRevisions();
  return (
    <SigningFocusProvider ceremony={ceremony} signing={signing} announced={announced} myIdentity={myIdentity}>
      {children}
    </SigningFocusProvider>
  );
}

function mayIDrive(me: RoomMe, context: PageDrivingContext): boolean {
  return mayDrivePages({ identity: me.userId, metadata: { role: me.role, participantId: me.participantId, delegationId: null } }, context);
}

/**
 * The call: fetches a token from our server, connects to LiveKit, and lays out video,
 * agreement and panels. If the video service cannot be reached, the same screen stays up
 * without video and says so; the agreement and the lobby keep working.
 */
export function LiveRoom({ ceremony, me, choices, topBar, extraPanels, onExit, programme, signing }: LiveRoomProps) {
  const t = useTranslations('live');
  const [connection, setConnection] = useState<Connection>({ kind: 'fetching' });
  const [attempt, setAttempt] = useState(0);
  const isObserver = me.role === 'observer';

  // pdf.js and its worker start while the call connects, not when the first page is wanted.
  useEffect(() => {
    if (me.pagesVisible) warmUpPdfViewer();
  }, [me.pagesVisible]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const response = await fetch(`/api/ceremonies/${encodeURIComponent(ceremony.id)}/livekit-token`, { method: 'POST' }).catch(() => null);
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
  }, [attempt, ceremony.id, onExit]);

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

  const firstDocument = ceremony.documents[0];
  const initialPage: PageMessage = { documentId: firstDocument?.id ?? 'none', page: 1 };

  if (connection.kind !== 'ready') {
    const video =
      connection.kind === 'fetching' ? (
        <p role="status" className="p-6 text-white/80">
          {t('room.connecting')}
        </p>
      ) : (
        <div role="alert" className="flex h-full flex-col items-start justify-center gap-3 rounded-lg border border-amber-300/40 p-6" data-testid="video-unreachable">
          <h2 className="font-serif text-2xl">{t('room.unreachableTitle')}</h2>
          <p className="max-w-prose text-white/80">{t('room.unreachableBody')}</p>
          <button type="button" className="rounded-md bg-white px-4 py-2 font-medium text-[#0f1620]" onClick={retry}>
            {t('room.retry')}
          </button>
        </div>
      );
    return (
      <SigningFocusProvider ceremony={ceremony} signing={signing} announced={noAnnouncements} myIdentity={me.userId}>
        <RoomLayout
          topBar={topBar}
          programme={programme}
          signing={<RoomSigning ceremony={ceremony} me={me} signing={signing} />}
          video={video}
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
      onError={() => setConnection({ kind: 'unreachable' })}
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

interface DocumentViewProps {
  ceremony: RoomCeremony;
  me: RoomMe;
  signing: SigningStatus;
  position: PageMessage;
  onChange: (next: PageMessage) => void;
  canDrive: boolean;
  /** Someone else is signing now (spotlight). */
  signerName?: string | null;
}

function DocumentPlaceholder({ ceremony, me, signing, position, onChange, canDrive, signerName = null }: DocumentViewProps) {
  const t = useTranslations('live.document');
  const tSigning = useTranslations('signing');
  const focus = useSigningFocus();
  const { focusMode, toggleFocusMode } = useRoomFocus();
  // While my capture is open my viewer shows what I sign, whatever the room does.
  const shown = focus.position ?? position;
  const document = ceremony.documents.find((candidate) => candidate.id === shown.documentId) ?? ceremony.documents[0];
  if (!document) return <p className="text-sm text-white/60">{t('noDocument')}</p>;
  if (!me.pagesVisible) {
    // Press tier: where the room is in the agreement, never its pages.
    return (
      <div className="flex h-full flex-col gap-2">
        <h2 className="font-medium">{t('heading')}</h2>
        <p className="text-sm text-white/60">{t('notReleased')}</p>
        <p className="font-serif text-2xl" aria-live="polite" data-testid="document-page" data-page={position.page}>
          {t('pageOf', { page: position.page, count: document.pageCount })}
        </p>
      </div>
    );
  }
  const dueHere = signing.signingOpen && signing.documents.find((status) => status.id === document.id)?.myStatus === 'sign-now';
  const highlights = focus.active ? (focus.steps.filter((step) => step.documentId === document.id).flatMap((step) => step.fields)) : dueHere ? document.myOpenFields : [];
  const step = focus.active ? focus.steps[focus.index] : undefined;
  return (
    <div className="flex h-full flex-col gap-2" data-testid="document-view" data-locked={focus.active ? 'yes' : 'no'}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-medium">{t('heading')}</h2>
        {canDrive && !focus.active && ceremony.documents.length > 1 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-white/60">{t('version')}</span>
            <select
              className="max-w-48 truncate rounded-md border border-white/20 bg-[#0f1620] px-2 py-1"
              value={document.id}
              onChange={(event) => onChange({ documentId: event.target.value, page: 1 })}
            >
              {ceremony.documents.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {focus.active ? (
        <p role="status" className="rounded-md bg-amber-300/15 px-2 py-1 text-sm text-amber-100" data-testid="viewer-held">
          {tSigning('steps.held')}
        </p>
      ) : signerName ? (
        <p role="status" className="rounded-md bg-amber-300/15 px-2 py-1 text-sm text-amber-100" data-testid="spotlight-notice">
          {tSigning('spotlight', { name: signerName })}
        </p>
      ) : null}
      <div className="min-h-0 flex-1">
        <DocumentPane
          ceremonyId={ceremony.id}
          documentId={document.id}
          page={shown.page}
          pageCount={document.pageCount}
          title={document.title}
          canDrive={focus.active || canDrive}
          onPageChange={(page) => (focus.active ? focus.turnPage(page) : onChange({ documentId: document.id, page }))}
          // What the page loaded, or a newer revision the room announced (one subscription, in the signing focus).
          revision={focus.newestRevision(document.id)}
          highlights={highlights}
          pageOrigins={document.pageOrigins}
          onFieldsShown={focus.active ? focus.fieldsShown : undefined}
          onPageShown={focus.active ? focus.pageShown : undefined}
          preview={focus.active ? focus.preview : null}
          focusMode={focusMode}
          onToggleFocus={toggleFocusMode}
          revealKey={step ? `${step.documentId}#${step.page}#${focus.index}` : undefined}
        />
      </div>
    </div>
  );
}

function SharedDocument({ ceremony, me, initial, signing }: { ceremony: RoomCeremony; me: RoomMe; initial: PageMessage; signing: SigningStatus }) {
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
  const signerName =
    activeSignerIdentity && activeSignerIdentity !== me.userId ? (room.getParticipantByIdentity(activeSignerIdentity)?.name ?? null) : null;
  return (
    <DocumentPlaceholder
      ceremony={ceremony}
      me={me}
      signing={signing}
      position={position}
      onChange={changePage}
      canDrive={canDrive}
      signerName={signerName}
    />
  );
}

function OfflineDocument({ ceremony, me, initial, signing }: { ceremony: RoomCeremony; me: RoomMe; initial: PageMessage; signing: SigningStatus }) {
  const [position, setPosition] = useState(initial);
  return <DocumentPlaceholder ceremony={ceremony} me={me} signing={signing} position={position} onChange={setPosition} canDrive={mayIDrive(me, noActiveSigner)} />;
}
