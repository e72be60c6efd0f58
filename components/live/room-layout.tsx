'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { RoomFocusContext } from '@/components/live/room-focus';
import { useSpotlight } from '@/components/live/use-spotlight';
import { useSigningFocus } from '@/components/signing/signing-focus';

export interface SidePanel {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The dark call screen: a top bar, the video, the agreement, the signing panel, the run of
 * show and a tabbed panel (chat, participants, lobby).
 * - Laptop and wider: video with the signing panel under it on the left; run of show,
 *   agreement and the tabs on the right. While someone signs (spotlight), while I sign, or
 *   in focus mode, the agreement takes the larger share beside a narrow video column.
 * - Tablet in portrait and phone: one scrolling column (video strip, agreement, run of show,
 *   tabs) with the signing panel pinned to the bottom, so Sign is always in reach and a tap
 *   on the agreement never lands on it.
 */
const subscribeToNothing = () => () => undefined;

/** True once React has hydrated the room (false in the server's HTML): controls work from then on. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

export function RoomLayout({
  topBar,
  video,
  document,
  programme,
  signing,
  panels,
}: {
  topBar: ReactNode;
  video: ReactNode;
  document: ReactNode;
  programme?: ReactNode;
  signing?: ReactNode;
  panels: SidePanel[];
}) {
  const t = useTranslations('live.room');
  const spotlight = useSpotlight().spotlight !== null;
  const mySigning = useSigningFocus().active;
  const hydrated = useHydrated();
  const [active, setActive] = useState(panels[0]?.id);
  // Folding the panel away gives the agreement the column's height; choosing a tab unfolds it.
  const [folded, setFolded] = useState(false);
  const [focusMode, setFocusMode] = useState(false);
  const roomFocus = useMemo(() => ({ focusMode, toggleFocusMode: () => setFocusMode((value) => !value) }), [focusMode]);
  const current = panels.find((panel) => panel.id === active) ?? panels[0];
  const documentFirst = spotlight || mySigning || focusMode;
  return (
    <RoomFocusContext.Provider value={roomFocus}>
      <div
        className="fixed inset-0 z-40 flex flex-col bg-[#0f1620] text-white"
        data-lk-theme="default"
        data-testid="room"
        data-spotlight={spotlight ? 'on' : 'off'}
        data-focus={focusMode ? 'on' : 'off'}
        data-hydrated={hydrated ? 'yes' : 'no'}
      >
        <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-white/10 px-3 py-2 lg:px-4">{topBar}</header>
        <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-3 lg:flex-row lg:overflow-hidden" data-testid="room-main">
          <div className={`flex min-h-0 min-w-0 flex-col gap-3 max-lg:contents ${documentFirst ? 'lg:w-[30%] lg:max-w-[440px]' : 'flex-1'}`}>
            <section
              aria-label={t('videoRegion')}
              className={`min-w-0 shrink-0 max-lg:order-1 lg:min-h-[200px] lg:flex-1 ${documentFirst ? 'h-[22vh] min-h-[120px]' : 'h-[32vh] min-h-[180px]'} lg:h-auto`}
              data-testid="video-region"
            >
              {video}
            </section>
            {signing ? (
              <div
                className="shrink-0 overflow-y-auto max-lg:sticky max-lg:bottom-0 max-lg:z-20 max-lg:order-last max-lg:max-h-[40vh] max-lg:rounded-lg max-lg:bg-[#0f1620] max-lg:shadow-[0_-8px_24px_rgba(0,0,0,0.6)] lg:max-h-[50%]"
                data-testid="signing-region"
              >
                {signing}
              </div>
            ) : null}
          </div>
          <aside
            aria-label={t('sidePanels')}
            className={`flex min-h-0 w-full flex-col gap-3 max-lg:contents ${documentFirst ? 'lg:flex-1' : 'lg:w-[min(46%,680px)]'}`}
          >
            {programme && !focusMode ? <div className="shrink-0 rounded-lg bg-white/5 p-3 max-lg:order-3">{programme}</div> : null}
            <div
              className="flex h-[72vh] min-h-[360px] shrink-0 flex-col overflow-y-auto rounded-lg bg-white/5 p-3 max-lg:order-2 lg:h-auto lg:min-h-[200px] lg:flex-1 lg:shrink"
              data-testid="document-region"
            >
              {document}
            </div>
            {current && !documentFirst ? (
              <div
                className={`flex shrink-0 flex-col rounded-lg bg-white/5 max-lg:order-4 ${folded ? '' : 'max-lg:h-[50vh] lg:max-h-[40%] lg:min-h-[180px]'}`}
                data-testid="side-panels"
                data-folded={folded ? 'yes' : 'no'}
              >
                <div className="flex items-end gap-1 border-b border-white/10 px-2 pt-2">
                  <div role="tablist" className="flex min-w-0 flex-1 flex-wrap gap-1">
                    {panels.map((panel) => (
                      <button
                        key={panel.id}
                        type="button"
                        role="tab"
                        id={`room-tab-${panel.id}`}
                        aria-selected={!folded && panel.id === current.id}
                        aria-controls={folded ? undefined : `room-panel-${panel.id}`}
                        className={`rounded-t-md px-3 py-1.5 text-sm ${!folded && panel.id === current.id ? 'bg-white/10 font-medium' : 'text-white/70'}`}
                        onClick={() => {
                          setActive(panel.id);
                          setFolded(false);
                        }}
                      >
                        {panel.label}
                      </button>
                    ))}
                  </div>
                  <button
                    type="button"
                    className="mb-1 rounded-md px-2 py-1 text-xs text-white/70 hover:bg-white/10 focus-visible:outline focus-visible:outline-2 focus-visible:outline-white"
                    aria-expanded={!folded}
                    aria-controls={`room-panel-${current.id}`}
                    onClick={() => setFolded((value) => !value)}
                    data-testid="fold-side-panels"
                  >
                    {folded ? t('showPanel') : t('hidePanel')}
                  </button>
                </div>
                {folded ? null : (
                  <div
                    role="tabpanel"
                    id={`room-panel-${current.id}`}
                    aria-labelledby={`room-tab-${current.id}`}
                    className="min-h-0 flex-1 overflow-y-auto p-3"
                  >
                    {current.content}
                  </div>
                )}
              </div>
            ) : null}
          </aside>
        </div>
      </div>
    </RoomFocusContext.Provider>
  );
}
