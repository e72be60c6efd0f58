import { describe, expect, it } from 'vitest';
import { sha256Base64, sha256Bytes, sha256Hex, sha256HexOfPrefixes } from '@/lib/crypto/sha256';

// FIPS 180-2, appendix B.1 and B.2.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const TWO_BLOCKS = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const TWO_BLOCKS_SHA256 = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('sha256', () => {
  it('hashes the known test vectors, bytes and UTF-8 strings alike', () => {
    expect(sha256Hex('abc')).toBe(ABC);
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(sha256Hex(TWO_BLOCKS)).toBe(TWO_BLOCKS_SHA256);
    expect(sha256Hex(new Uint8Array(0))).toBe(EMPTY);
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from([0xc3, 0xa9])));
  });

  it('gives the same digest as raw bytes and as base64', () => {
    expect(sha256Bytes('abc').toString('hex')).toBe(ABC);
    expect(sha256Base64('abc')).toBe(Buffer.from(ABC, 'hex').toString('base64'));
  });

  it('hashes only the viewed bytes of a subarray', () => {
    const framed = new TextEncoder().encode('xxabcxx');
    expect(sha256Hex(framed.subarray(2, 5))).toBe(ABC);
  });

  it('hashes every asked prefix in one pass, in any order, and leaves out ends outside the bytes', () => {
    const bytes = new TextEncoder().encode(`abc${TWO_BLOCKS}`);
    const hashes = sha256HexOfPrefixes(bytes, [bytes.length, 3, 3, 0, -1, bytes.length + 1]);
    expect([...hashes.keys()]).toEqual([3, bytes.length]);
    expect(hashes.get(3)).toBe(ABC);
    expect(hashes.get(bytes.length)).toBe(sha256Hex(bytes));
  });
});
