import { describe, expect, it } from 'vitest';
import { spotlightTarget } from '@/lib/live/spotlight-target';

const field = (page: number, kind = 'signature') => ({ page, kind, x: 72, y: 72, width: 180, height: 54 });

describe('spotlightTarget', () => {
  const documents = [
    { id: 'en', myOpenFields: [field(1, 'initials'), field(2, 'initials'), field(4)] },
    { id: 'de', myOpenFields: [field(3)] },
  ];

  it('is the first document due, at my signature field (not the initials before it)', () => {
    expect(spotlightTarget(documents, [{ id: 'en', myStatus: 'sign-now' }, { id: 'de', myStatus: 'sign-now' }])).toEqual({ documentId: 'en', page: 4 });
  });

  it('skips documents that are not due', () => {
    expect(spotlightTarget(documents, [{ id: 'en', myStatus: 'signed' }, { id: 'de', myStatus: 'sign-now' }])).toEqual({ documentId: 'de', page: 3 });
  });

  it('falls back to initials, then to page 1; nothing due: no spotlight', () => {
    expect(spotlightTarget([{ id: 'x', myOpenFields: [field(2, 'initials')] }], [{ id: 'x', myStatus: 'sign-now' }])).toEqual({ documentId: 'x', page: 2 });
    expect(spotlightTarget([], [{ id: 'x', myStatus: 'sign-now' }])).toEqual({ documentId: 'x', page: 1 });
    expect(spotlightTarget(documents, [{ id: 'en', myStatus: 'not-your-turn' }, { id: 'de', myStatus: 'awaiting-exchange' }])).toBeNull();
  });
});
