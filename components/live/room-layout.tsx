'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useSpotlight } from '@/components/live/use-spotlight';

export interface SidePanel {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The dark call screen: a top bar, the video on the left, and on the right the agreement
 * above a tabbed panel (chat, participants, lobby). `programme` is where the run of show
 * sits beside the video (issue 9); the layout keeps room for it. `signing` (the signing
 * panel) sits under the video. While someone signs (`spotlight`), the agreement takes the
 * larger share of the screen beside that signatory's video; afterwards the grid returns.
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
  const hydrated = useHydrated();
  const [active, setActive] = useState(panels[0]?.id);
  // Folding the panel away gives the agreement the column's height; choosing a tab unfolds it.
  const [folded, setFolded] = useState(false);
  const current = panels.find((panel) => panel.id === active) ?? panels[0];
  return (
    <div className="fixed inset-0 z-40 flex flex-col bg-[#0f1620] text-white" data-lk-theme="default" data-testid="room" data-spotlight={spotlight ? 'on' : 'off'} data-hydrated={hydrated ? 'yes' : 'no'}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-white/10 px-4 py-2">{topBar}</header>
      <div className="flex min-h-0 flex-1 flex-col gap-3 p-3 lg:flex-row">
        <div className={`flex min-h-0 min-w-0 flex-col gap-3 ${spotlight ? 'lg:w-[34%]' : 'flex-1'}`}>
          <section aria-label={t('videoRegion')} className="min-h-[240px] min-w-0 flex-1">
            {video}
          </section>
          {signing ? <div className="max-h-[50%] shrink-0 overflow-y-auto">{signing}</div> : null}
        </div>
        <aside aria-label={t('sidePanels')} className={`flex min-h-0 w-full flex-col gap-3 ${spotlight ? 'flex-1' : 'lg:w-[min(42%,600px)]'}`}>
          {programme ? <div className="rounded-lg bg-white/5 p-3">{programme}</div> : null}
          <div className="min-h-[200px] flex-1 overflow-y-auto rounded-lg bg-white/5 p-3" data-testid="document-region">
            {document}
          </div>
          {current && !spotlight ? (
            <div className={`flex flex-col rounded-lg bg-white/5 ${folded ? '' : 'max-h-[40%] min-h-[180px]'}`} data-testid="side-panels" data-folded={folded ? 'yes' : 'no'}>
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
                <div role="tabpanel" id={`room-panel-${current.id}`} aria-labelledby={`room-tab-${current.id}`} className="min-h-0 flex-1 overflow-y-auto p-3">
                  {current.content}
                </div>
              )}
            </div>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
