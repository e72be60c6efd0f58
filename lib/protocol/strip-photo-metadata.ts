import { AppError } from '@/lib/errors';

/**
 * The public photo without what a camera or editor wrote beside the picture: EXIF (GPS
 * position, camera serial, time), XMP, IPTC, comments, thumbnails. The image data itself
 * is copied byte for byte, never re-encoded. JPEG keeps JFIF, the ICC colour profile and
 * Adobe's colour-transform marker (they change how the pixels look); PNG drops its text
 * and EXIF chunks and anything after IEND. Bytes → bytes.
 */
export function stripPhotoMetadata(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg'): Uint8Array<ArrayBuffer> {
  return contentType === 'image/png' ? stripPng(bytes) : stripJpeg(bytes);
}

const malformed = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', 'The photo file is damaged or incomplete.', { file: 'NOT_AN_IMAGE' }, { reason: 'photo-damaged' });

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const PNG_SIGNATURE_LENGTH = 8;
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);

function stripPng(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE_LENGTH)];
  let offset = PNG_SIGNATURE_LENGTH;
  for (;;) {
    if (offset + 12 > bytes.byteLength) throw malformed();
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.byteLength) throw malformed();
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return concat(parts);
  }
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP15 = 0xef;

/** The APPn segments kept: they change how the pixels are decoded or shown. */
function keepsApplicationSegment(marker: number, payload: Uint8Array): boolean {
  const startsWith = (text: string) => text.split('').every((char, index) => payload[index] === char.charCodeAt(0));
  if (marker === APP0) return startsWith('JFIF\0') || startsWith('JFXX\0');
  if (marker === APP0 + 2) return startsWith('ICC_PROFILE\0');
  if (marker === APP0 + 14) return startsWith('Adobe');
  return false;
}

function stripJpeg(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw malformed();
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.byteLength) {
    if (bytes[offset] !== 0xff) throw malformed();
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[offset] === 0xff && bytes[offset + 1] === 0xff) offset += 1;
    const marker = bytes[offset + 1];
    if (marker === undefined) throw malformed();
    if (marker === EOI) {
      parts.push(bytes.subarray(offset, offset + 2));
      // Whatever follows the end of the image (appended files, trailers) is not the photo.
      return concat(parts);
    }
    if (marker >= 0xd0 && marker <= 0xd7) {
      parts.push(bytes.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.byteLength) throw malformed();
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.byteLength) throw malformed();
    const isMetadata = marker === COM || (marker >= APP0 && marker <= APP15 && !keepsApplicationSegment(marker, bytes.subarray(offset + 4, end)));
    if (!isMetadata) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      const start = offset;
      while (offset < bytes.byteLength) {
        if (bytes[offset] === 0xff) {
          const next = bytes[offset + 1];
          if (next === undefined) throw malformed();
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        offset += 1;
      }
      parts.push(bytes.subarray(start, offset));
    }
  }
  throw malformed();
}
