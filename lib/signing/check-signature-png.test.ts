import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkSignaturePng } from '@/lib/signing/check-signature-png';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer, { badCrc = false } = {}): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(badCrc ? (crc32(body) ^ 1) >>> 0 : crc32(body));
  return Buffer.concat([length, body, crc]);
}

function ihdr(width: number, height: number, { bitDepth = 8, colourType = 6, interlace = 0 } = {}): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colourType, 0, 0, interlace], 8);
  return data;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG by hand: header as given, image data as given (default: the right number of zero bytes for RGBA 8-bit). */
function png(
  width: number,
  height: number,
  options: { bitDepth?: number; colourType?: number; idat?: Buffer; badCrc?: boolean; noEnd?: boolean } = {},
): Buffer {
  const idat = options.idat ?? deflateSync(Buffer.alloc(height * (1 + width * 4)));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr(width, height, options), { badCrc: options.badCrc }),
    chunk('IDAT', idat),
    ...(options.noEnd ? [] : [chunk('IEND', Buffer.alloc(0))]),
  ]);
}

describe('checkSignaturePng', () => {
  it('accepts a drawn signature the size a signature pad makes', () => {
    expect(checkSignaturePng(png(600, 200))).toEqual({ ok: true, width: 600, height: 200 });
    expect(checkSignaturePng(png(2000, 1000))).toMatchObject({ ok: true });
  });

  it('refuses a tiny file that claims 100000×100000 pixels, before any decoding', () => {
    const bomb = png(100_000, 100_000, { idat: deflateSync(Buffer.alloc(10)) });
    expect(bomb.length).toBeLessThan(100);
    expect(checkSignaturePng(bomb)).toMatchObject({ ok: false, reason: 'signature-image-too-large' });
  });

  it('refuses a side over 4000 pixels, more than 2000×1000 pixels, or more decoded bytes than the cap', () => {
    expect(checkSignaturePng(png(4001, 10, { idat: deflateSync(Buffer.alloc(1)) }))).toMatchObject({ reason: 'signature-image-too-large' });
    expect(checkSignaturePng(png(10, 4001, { idat: deflateSync(Buffer.alloc(1)) }))).toMatchObject({ reason: 'signature-image-too-large' });
    expect(checkSignaturePng(png(1500, 1500, { idat: deflateSync(Buffer.alloc(1)) }))).toMatchObject({ reason: 'signature-image-too-large' });
    // 16-bit RGBA: 2000×1000 pixels are allowed, but they decode to 16 MB.
    expect(checkSignaturePng(png(2000, 1000, { bitDepth: 16, idat: deflateSync(Buffer.alloc(1)) }))).toMatchObject({ reason: 'signature-image-too-large' });
  });

  it('refuses image data that inflates to far more than the header declares (zlib bomb)', () => {
    const idat = deflateSync(Buffer.alloc(50_000_000));
    expect(idat.length).toBeLessThan(100_000);
    expect(checkSignaturePng(png(100, 100, { idat }))).toMatchObject({ ok: false, reason: 'signature-image-too-large' });
  });

  it('refuses what is not a well-formed PNG', () => {
    expect(checkSignaturePng(new Uint8Array(0))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(Buffer.from('GIF89a'.padEnd(64, '\0')))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { badCrc: true }))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(0, 10))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { noEnd: true }))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { idat: Buffer.from('not zlib') }))).toMatchObject({ reason: 'signature-image-invalid' });
    const truncated = png(10, 10);
    expect(checkSignaturePng(truncated.subarray(0, truncated.length - 20))).toMatchObject({ reason: 'signature-image-invalid' });
  });

  it('refuses bit depths and colour types the specification does not pair', () => {
    expect(checkSignaturePng(png(10, 10, { colourType: 6, bitDepth: 4 }))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { colourType: 2, bitDepth: 1 }))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { colourType: 5 }))).toMatchObject({ reason: 'signature-image-invalid' });
    expect(checkSignaturePng(png(10, 10, { colourType: 3, bitDepth: 16 }))).toMatchObject({ reason: 'signature-image-invalid' });
  });
});
