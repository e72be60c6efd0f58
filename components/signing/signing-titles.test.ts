import { describe, expect, it } from 'vitest';
import { sharedTitlePrefix } from '@/components/signing/signing-titles';

describe('sharedTitlePrefix', () => {
  it('finds the part every title shares up to its last dash', () => {
    expect(sharedTitlePrefix(['Joint Declaration — English (LNI)', 'Joint Declaration — Deutsch (LNI)'])).toBe('Joint Declaration — ');
  });

  it('takes the longest shared part when titles have several dashes', () => {
    expect(sharedTitlePrefix(['A — B — en', 'A — B — de'])).toBe('A — B — ');
    expect(sharedTitlePrefix(['A — B — en', 'A — C — de'])).toBe('A — ');
  });

  it('says nothing for one title, or when a title would be left empty', () => {
    expect(sharedTitlePrefix(['A — B'])).toBe('');
    expect(sharedTitlePrefix(['A — B', 'A — '])).toBe('');
    expect(sharedTitlePrefix(['One', 'Two'])).toBe('');
  });
});
