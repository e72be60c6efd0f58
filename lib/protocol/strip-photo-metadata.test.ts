import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stripPhotoMetadata } from '@/lib/protocol/strip-photo-metadata';

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

/** A hand-built baseline JPEG: the structure real files have, with metadata in every usual place. */
function jpegWithMetadata() {
  const jfif = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const exif = segment(0xe1, [...ascii('Exif\0\0'), ...ascii('MM\0*GPS 52.5200N 13.4050E serial CAM-SECRET-42')]);
  const xmp = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>XMP-SECRET</x:xmpmeta>'));
  const icc = segment(0xe2, [...ascii('ICC_PROFILE\0'), 1, 1, ...ascii('sRGB-profile-bytes')]);
  const iptc = segment(0xed, ascii('Photoshop 3.0\0IPTC-SECRET'));
  const adobe = segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
  const comment = segment(0xfe, ascii('COMMENT-SECRET'));
  const dqt = segment(0xdb, [0, ...new Array(64).fill(1)]);
  const sof = segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
  const dht = segment(0xc4, [0, ...new Array(16).fill(0)]);
  const sos = segment(0xda, [1, 1, 0, 0, 63, 0]);
  // Entropy-coded data with a stuffed 0xFF00 and a restart marker, which are image data.
  const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
  const image = [...dqt, ...sof, ...dht, ...sos, ...scan];
  const file = [0xff, 0xd8, ...jfif, ...exif, ...xmp, ...icc, ...iptc, ...adobe, ...comment, ...image, 0xff, 0xd9, ...ascii('TRAILER-SECRET')];
  return { file: new Uint8Array(file), expected: new Uint8Array([0xff, 0xd8, ...jfif, ...icc, ...adobe, ...image, 0xff, 0xd9]) };
}

function pngChunk(type: string, data: number[]) {
  const body = Buffer.from([...ascii(type), ...data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return [...length, ...body, ...crc];
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngWithMetadata() {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = pngChunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const srgb = pngChunk('sRGB', [0]);
  const text = pngChunk('tEXt', ascii('Comment\0TEXT-SECRET'));
  const ztxt = pngChunk('zTXt', [...ascii('Author\0'), 0, ...deflateSync(Buffer.from('ZTXT-SECRET'))]);
  const itxt = pngChunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0ITXT-SECRET'));
  const exif = pngChunk('eXIf', ascii('MM\0*GPS-SECRET'));
  const idat = pngChunk('IDAT', [...deflateSync(Buffer.from([0, 255, 0, 0]))]);
  const iend = pngChunk('IEND', []);
  const file = [...signature, ...ihdr, ...srgb, ...text, ...ztxt, ...exif, ...idat, ...itxt, ...iend, ...ascii('AFTER-IEND-SECRET')];
  return { file: new Uint8Array(file), expected: new Uint8Array([...signature, ...ihdr, ...srgb, ...idat, ...iend]) };
}

describe('stripPhotoMetadata', () => {
  it('JPEG: drops EXIF, XMP, IPTC, comments and trailing bytes; keeps JFIF, ICC, Adobe and the image data byte for byte', () => {
    const { file, expected } = jpegWithMetadata();
    const stripped = stripPhotoMetadata(file, 'image/jpeg');
    for (const secret of ['CAM-SECRET', 'XMP-SECRET', 'IPTC-SECRET', 'COMMENT-SECRET', 'TRAILER-SECRET', 'GPS']) expect(contains(stripped, secret)).toBe(false);
    expect(Buffer.from(stripped).equals(Buffer.from(expected))).toBe(true);
  });

  it('JPEG without metadata comes back unchanged', () => {
    const { expected } = jpegWithMetadata();
    expect(Buffer.from(stripPhotoMetadata(expected, 'image/jpeg')).equals(Buffer.from(expected))).toBe(true);
  });

  it('PNG: drops tEXt, zTXt, iTXt, eXIf and anything after IEND; keeps the other chunks in order', () => {
    const { file, expected } = pngWithMetadata();
    const stripped = stripPhotoMetadata(file, 'image/png');
    for (const secret of ['TEXT-SECRET', 'ITXT-SECRET', 'GPS-SECRET', 'AFTER-IEND-SECRET', 'tEXt', 'zTXt', 'iTXt', 'eXIf'])
      expect(contains(stripped, secret)).toBe(false);
    expect(Buffer.from(stripped).equals(Buffer.from(expected))).toBe(true);
  });

  it.each([
    ['a JPEG cut inside a segment', () => jpegWithMetadata().file.subarray(0, 30), 'image/jpeg' as const],
    ['a JPEG with no end of image', () => jpegWithMetadata().expected.subarray(0, -2), 'image/jpeg' as const],
    ['a PNG cut inside a chunk', () => pngWithMetadata().file.subarray(0, 40), 'image/png' as const],
    ['a PNG with no IEND', () => pngWithMetadata().expected.subarray(0, -12), 'image/png' as const],
  ])('refuses %s as a damaged photo', (_case, make, type) => {
    expect(() => stripPhotoMetadata(make(), type)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
  });
});
