import { describe, expect, it } from 'vitest';
import { createDrawQueue } from '@/components/pdf/page-draw-queue';

/** A draw that runs until the test settles it. */
function pendingDraw(log: string[], name: string) {
  let settle: () => void = () => undefined;
  const draw = () => {
    log.push(`start ${name}`);
    return new Promise<void>((resolve) => {
      settle = () => {
        log.push(`end ${name}`);
        resolve();
      };
    });
  };
  return { draw, settle: () => settle() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page draw queue', () => {
  it('draws the page being read at once, and thumbnails one at a time after it', async () => {
    const queue = createDrawQueue();
    const log: string[] = [];
    const first = pendingDraw(log, 'thumb 1');
    const second = pendingDraw(log, 'thumb 2');
    const page = pendingDraw(log, 'page');
    queue.schedule('thumbnail', first.draw);
    queue.schedule('thumbnail', second.draw);
    queue.schedule('page', page.draw);
    expect(log).toEqual(['start thumb 1', 'start page']);
    first.settle();
    await tick();
    expect(log).toEqual(['start thumb 1', 'start page', 'end thumb 1']);
    page.settle();
    await tick();
    expect(log).toEqual(['start thumb 1', 'start page', 'end thumb 1', 'end page', 'start thumb 2']);
  });

  it('drops a cancelled thumbnail before it starts', async () => {
    const queue = createDrawQueue();
    const log: string[] = [];
    const first = pendingDraw(log, 'thumb 1');
    const second = pendingDraw(log, 'thumb 2');
    const third = pendingDraw(log, 'thumb 3');
    queue.schedule('thumbnail', first.draw);
    const cancelSecond = queue.schedule('thumbnail', second.draw);
    queue.schedule('thumbnail', third.draw);
    cancelSecond();
    first.settle();
    await tick();
    expect(log).toEqual(['start thumb 1', 'end thumb 1', 'start thumb 3']);
  });

  it('frees a running draw’s place when it is cancelled, even if it never settles', async () => {
    const queue = createDrawQueue();
    const log: string[] = [];
    const stuck = pendingDraw(log, 'page');
    const thumbnail = pendingDraw(log, 'thumb');
    const cancelPage = queue.schedule('page', stuck.draw);
    queue.schedule('thumbnail', thumbnail.draw);
    expect(log).toEqual(['start page']);
    cancelPage();
    await tick();
    expect(log).toEqual(['start page', 'start thumb']);
  });

  it('goes on after a draw that fails', async () => {
    const queue = createDrawQueue();
    const log: string[] = [];
    queue.schedule('thumbnail', () => Promise.reject(new Error('broken page')));
    queue.schedule('thumbnail', async () => void log.push('next'));
    await tick();
    expect(log).toEqual(['next']);
  });
});
