import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256';

// FIPS 180-2, appendix B.1.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256', () => {
  it('hashes the known test vector', () => {
    expect(sha256('abc').toString('hex')).toBe(ABC);
    expect(sha256(new TextEncoder().encode('abc')).toString('hex')).toBe(ABC);
  });

  it('hashes its parts as if they were one', () => {
    expect(sha256('a', new TextEncoder().encode('b'), '', 'c').toString('hex')).toBe(ABC);
  });
});
