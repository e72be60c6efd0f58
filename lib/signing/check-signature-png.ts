import { inflateSync } from 'node:zlib';

/**
 * A drawn signature arrives as a PNG of up to ~1.5 MB; decoding it happens inside the
 * signing transaction, under the document lock. A small file can claim a huge canvas or
 * carry image data that inflates to gigabytes, so it is checked here first: the header
 * (signature + IHDR) against size limits, then the image data inflated with an output cap
 * equal to what the header allows. Pure: bytes in, verdict out.
 */

export const SIGNATURE_PNG_LIMITS = {
  maxSide: 4000,
  maxPixels: 2000 * 1000,
  /** Filtered scanlines as the decoder holds them (RGBA 8-bit at 2000×1000 is ~8 MB). */
  maxDecodedBytes: 8 * 1024 * 1024,
} as const;

export type SignaturePngVerdict =
  { ok: true; width: number; height: number } | { ok: false; reason: 'signature-image-invalid' | 'signature-image-too-large'; detail: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Samples per pixel, per colour type, and the bit depths the PNG specification allows with it. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

const invalid = (detail: string): SignaturePngVerdict => ({ ok: false, reason: 'signature-image-invalid', detail });
const tooLarge = (detail: string): SignaturePngVerdict => ({ ok: false, reason: 'signature-image-too-large', detail });

export function checkSignaturePng(bytes: Uint8Array, limits: typeof SIGNATURE_PNG_LIMITS = SIGNATURE_PNG_LIMITS): SignaturePngVerdict {
  if (bytes.length < 8 + 25 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) return invalid('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || chunkType(bytes, 12) !== 'IHDR') return invalid('the first chunk is not a 13-byte IHDR');
  if (crc32(bytes.subarray(12, 12 + 4 + 13)) !== view.getUint32(12 + 4 + 13)) return invalid('IHDR checksum mismatch');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bitDepth = bytes[24]!;
  const colourType = bytes[25]!;
  const [compression, filter, interlace] = [bytes[26]!, bytes[27]!, bytes[28]!];
  if (width === 0 || height === 0) return invalid('zero width or height');
  const colour = COLOUR_TYPES[colourType];
  if (!colour || !colour.depths.includes(bitDepth)) return invalid(`colour type ${colourType} with bit depth ${bitDepth}`);
  if (compression !== 0 || filter !== 0 || interlace > 1) return invalid('unknown compression, filter or interlace method');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) return tooLarge(`${width}×${height} pixels`);
  const decodedBytes = height * (1 + Math.ceil((width * colour.channels * bitDepth) / 8));
  // Adam7 adds at most one filter byte per row of each of its seven passes.
  const maxOutput = decodedBytes + (interlace === 1 ? 7 * (height + 1) : 0);
  if (maxOutput > limits.maxDecodedBytes) return tooLarge(`${width}×${height} pixels decode to ${maxOutput} bytes`);

  const data: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = chunkType(bytes, offset + 4);
    if (offset + 12 + length > bytes.length) return invalid(`the ${type} chunk runs past the end of the file`);
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) return invalid('no IEND chunk');
  if (data.length === 0) return invalid('no image data');
  try {
    inflateSync(Buffer.concat(data), { maxOutputLength: Math.max(maxOutput, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return tooLarge('the image data inflates beyond what its header declares');
    return invalid('the image data is not a valid zlib stream');
  }
  return { ok: true, width, height };
}

function chunkType(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
