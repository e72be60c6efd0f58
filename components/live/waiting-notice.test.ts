import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { lobbySoundOn, newlyWaiting, requestKey, waitingNotice, waitingNoticeValues } from '@/components/live/waiting-notice';
import { messagesByLocale } from '@/lib/i18n/messages';
import { locales } from '@/lib/i18n/locales';

const person = (participantId: string, displayName: string, arrivedAt: string, admitted = false) => ({ participantId, displayName, arrivedAt, admitted });

describe('who is new at the door', () => {
  const ana = person('p1', 'Ana Lima', '2026-12-03T10:00:00.000Z');
  const ben = person('p2', 'Ben Ode', '2026-12-03T10:01:00.000Z');

  it('is everyone waiting who was not announced yet, in arrival order; admitted people never', () => {
    const inside = person('p3', 'Chi Ng', '2026-12-03T09:00:00.000Z', true);
    expect(newlyWaiting([inside, ana, ben], new Set())).toEqual([ana, ben]);
    expect(newlyWaiting([ana, ben], new Set([requestKey(ana)]))).toEqual([ben]);
    expect(newlyWaiting([ana, ben], new Set([requestKey(ana), requestKey(ben)]))).toEqual([]);
  });

  it('counts someone asking again after a decline as new', () => {
    const again = { ...ana, arrivedAt: '2026-12-03T10:05:00.000Z' };
    expect(newlyWaiting([again], new Set([requestKey(ana)]))).toEqual([again]);
  });
});

describe('the notice', () => {
  it('names one person and offers to admit or decline them; for several it counts them', () => {
    expect(waitingNotice([])).toBeNull();
    expect(waitingNotice([person('p1', 'Ana Lima', 'a')])).toEqual({ kind: 'one', participantId: 'p1', name: 'Ana Lima' });
    expect(waitingNotice([person('p1', 'Ana Lima', 'a'), person('p2', 'Ben Ode', 'b')])).toEqual({ kind: 'several', count: 2 });
  });

  it.each(locales)('%s: reads as a sentence for one and for several', (locale) => {
    const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: 'live.lobby' });
    const one = t('waitingNotice', waitingNoticeValues({ kind: 'one', participantId: 'p1', name: 'Ana Lima' }));
    const several = t('waitingNotice', waitingNoticeValues({ kind: 'several', count: 3 }));
    expect(one).toContain('Ana Lima');
    expect(several).toContain('3');
    expect(several).not.toContain('Ana Lima');
  });

  it('reads exactly so in English', () => {
    const t = createTranslator({ locale: 'en', messages: messagesByLocale.en, namespace: 'live.lobby' });
    expect(t('waitingNotice', { count: 1, name: 'Ana Lima' })).toBe('Ana Lima is waiting');
    expect(t('waitingNotice', { count: 2, name: '' })).toBe('2 people are waiting');
  });
});

describe('the arrival sound', () => {
  it('is on until turned off on this device', () => {
    expect(lobbySoundOn(null)).toBe(true);
    expect(lobbySoundOn('on')).toBe(true);
    expect(lobbySoundOn('off')).toBe(false);
  });
});
