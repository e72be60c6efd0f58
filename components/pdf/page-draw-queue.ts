/** 'page': the page someone is reading (drawn at once); 'thumbnail': drawn one at a time, when no page is being drawn. */
export type DrawPriority = 'page' | 'thumbnail';

interface Entry {
  priority: DrawPriority;
  draw: () => Promise<unknown>;
  started: boolean;
  finished: boolean;
}

/**
 * Orders pdf.js drawing on one page load: the page being read starts at once and never
 * waits; thumbnails wait for it and go one after another, so a long agreement neither
 * freezes the tab nor delays the page. Cancelling a draw frees its place at once (the draw
 * itself stops touching its canvas), so a draw that never settles cannot hold the others up.
 */
export function createDrawQueue() {
  const waiting: Entry[] = [];
  let pagesDrawing = 0;
  let thumbnailDrawing = false;

  const finish = (entry: Entry) => {
    if (entry.finished) return;
    entry.finished = true;
    if (entry.priority === 'page') pagesDrawing -= 1;
    else thumbnailDrawing = false;
    startNextThumbnail();
  };

  const start = (entry: Entry) => {
    entry.started = true;
    if (entry.priority === 'page') pagesDrawing += 1;
    else thumbnailDrawing = true;
    new Promise((resolve) => resolve(entry.draw())).catch(() => undefined).finally(() => finish(entry));
  };

  const startNextThumbnail = () => {
    if (pagesDrawing > 0 || thumbnailDrawing) return;
    const next = waiting.shift();
    if (next) start(next);
  };

  /** Runs `draw` in its turn; the returned function cancels it (before it starts, or frees its place while it runs). */
  function schedule(priority: DrawPriority, draw: () => Promise<unknown>): () => void {
    const entry: Entry = { priority, draw, started: false, finished: false };
    if (priority === 'page') start(entry);
    else {
      waiting.push(entry);
      startNextThumbnail();
    }
    return () => {
      if (entry.started) {
        finish(entry);
        return;
      }
      const index = waiting.indexOf(entry);
      if (index !== -1) waiting.splice(index, 1);
      entry.finished = true;
    };
  }

  return { schedule };
}

/** The page load's one queue: every pdf.js canvas on the page draws through it. */
export const pageDrawQueue = createDrawQueue();
