import { describe, expect, it } from 'vitest';
import { initialsOf } from '@/components/live/signature-initials';

describe('initialsOf', () => {
  it('takes the first letter of each part of the name', () => {
    expect(initialsOf('Anna Maria Berg')).toBe('AMB');
  });

  it('leaves out abbreviations and extra spaces', () => {
    expect(initialsOf('  Dr. Kim  J. Soo ')).toBe('KS');
  });

  it('keeps a letter outside the basic plane whole', () => {
    expect(initialsOf('𠮷田 太郎')).toBe('𠮷太');
  });
});
